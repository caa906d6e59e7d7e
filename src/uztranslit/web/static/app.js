// uztranslit's page: converts as you type through POST /api/convert, and files
// through POST /api/convert-file.  Text from the user or the server is only ever
// put on the page as text (textContent), never as HTML.
"use strict";

(() => {
  const DEBOUNCE_MS = 250;
  const LANGUAGE_KEY = "uztranslit.language";
  const LANGUAGES = ["uz-Latn", "uz-Cyrl", "en"];
  const $ = (id) => document.getElementById(id);
  const state = {
    strings: {},
    language: "uz-Latn",
    last: null, // the last answer of /api/convert
    sequence: 0, // answers to older requests are dropped
    controller: null,
    timer: 0,
    error: null, // [element, status, detail] of the error shown, to re-word it
  };

  // --- the interface's language: Uzbek in either script, English as the fallback ---

  function t(key) {
    const chosen = state.strings[state.language] || {};
    const english = state.strings.en || {};
    return chosen[key] || english[key] || key;
  }

  function firstLanguage() {
    const saved = window.localStorage && localStorage.getItem(LANGUAGE_KEY);
    if (LANGUAGES.includes(saved)) return saved;
    const asked = (navigator.languages || [navigator.language || ""]).map((l) => l.toLowerCase());
    if (asked.some((l) => l.startsWith("uz-cyrl"))) return "uz-Cyrl";
    if (asked.some((l) => l.startsWith("uz"))) return "uz-Latn";
    return "uz-Latn";
  }

  function applyLanguage(language) {
    state.language = LANGUAGES.includes(language) ? language : "uz-Latn";
    document.documentElement.lang = state.language;
    $("ui-language").value = state.language;
    for (const element of document.querySelectorAll("[data-i18n]")) {
      element.textContent = t(element.dataset.i18n);
    }
    for (const element of document.querySelectorAll("[data-i18n-placeholder]")) {
      element.placeholder = t(element.dataset.i18nPlaceholder);
    }
    for (const element of document.querySelectorAll("[data-i18n-label]")) {
      element.setAttribute("aria-label", t(element.dataset.i18nLabel));
      element.title = t(element.dataset.i18nLabel);
    }
    if (state.last) showDirection(state.last);
    if (state.error) showError(...state.error);
    try {
      localStorage.setItem(LANGUAGE_KEY, state.language);
    } catch (ignored) {
      // private windows may refuse storage: the choice then lasts for this visit
    }
  }

  // --- options, as the API takes them ---

  function options() {
    const chosen = { apostrophes: $("apostrophes").value };
    if ($("to").value !== "auto") chosen.to = $("to").value;
    if ($("source").value !== "auto") chosen.source = $("source").value;
    const conventions = [...document.querySelectorAll("input[name=conventions]:checked")];
    if (conventions.length) chosen.conventions = conventions.map((box) => box.value);
    const keep = $("keep").value.split(/[\s,;]+/u).filter(Boolean);
    if (keep.length) chosen.keep = keep;
    return chosen;
  }

  // --- errors ---

  function showError(element, status, detail) {
    state.error = [element, status, detail];
    const headline = status ? t(`error_${status}`) : t("error_network");
    const known = headline !== `error_${status}`;
    element.textContent = [known ? headline : t("error_other"), detail].filter(Boolean).join(": ");
    element.hidden = false;
  }

  function hideError(element) {
    if (state.error && state.error[0] === element) state.error = null;
    element.hidden = true;
    element.textContent = "";
  }

  async function errorDetail(response) {
    try {
      const body = await response.json();
      return typeof body.error === "string" ? body.error : "";
    } catch (ignored) {
      return "";
    }
  }

  // --- text ---

  // The hook for the review report: `flagged` lists {start, end} offsets (in
  // characters of the result) of words a reader should check; they are marked.
  function render(text, flagged) {
    const output = $("output");
    output.replaceChildren();
    if (!flagged || !flagged.length) {
      output.textContent = text;
      return;
    }
    const characters = Array.from(text);
    let at = 0;
    for (const flag of [...flagged].sort((a, b) => a.start - b.start)) {
      const { start, end } = flag;
      if (start < at || end <= start) continue;
      output.append(characters.slice(at, start).join(""));
      const mark = document.createElement("mark");
      mark.textContent = characters.slice(start, end).join("");
      // what else the word could be, shown on hover and read by screen readers
      const others = (flag.alternatives || []).join(", ");
      mark.title = others ? `${flag.kind}: ${others}` : flag.kind || "";
      output.append(mark);
      at = end;
    }
    output.append(characters.slice(at).join(""));
  }

  function showDirection(answer) {
    const line = $("detected");
    if (!answer.source) {
      line.textContent = t("no_letters");
      return;
    }
    const how = answer.detected ? ` (${t("detected")})` : "";
    line.textContent = `${t("direction")}: ${t(`script_${answer.source}`)} → ${t(`script_${answer.to}`)}${how}`;
  }

  async function convertNow() {
    const text = $("input").value;
    const sequence = ++state.sequence;
    if (state.controller) state.controller.abort();
    if (!text) {
      state.last = null;
      render("", []);
      $("detected").textContent = "";
      hideError($("error"));
      return;
    }
    const controller = new AbortController();
    state.controller = controller;
    let response;
    try {
      response = await fetch("/api/convert", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text, ...options() }),
        signal: controller.signal,
      });
    } catch (error) {
      if (error.name !== "AbortError" && sequence === state.sequence) {
        showError($("error"), 0, "");
      }
      return;
    }
    if (!response.ok) {
      const detail = await errorDetail(response);
      if (sequence === state.sequence) showError($("error"), response.status, detail);
      return;
    }
    const answer = await response.json();
    if (sequence !== state.sequence) return;
    hideError($("error"));
    state.last = answer;
    render(answer.result, answer.flagged);
    showDirection(answer);
  }

  function convertSoon() {
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(convertNow, DEBOUNCE_MS);
  }

  // The other way round: the result becomes the text, the scripts change places.
  function swap() {
    const last = state.last;
    if (last && last.source) {
      $("input").value = last.result;
      $("source").value = last.to;
      $("to").value = last.source;
    } else {
      const source = $("source").value;
      $("source").value = $("to").value;
      $("to").value = source;
    }
    convertNow();
  }

  function resultText() {
    return state.last ? state.last.result : "";
  }

  async function copy() {
    const text = resultText();
    try {
      await navigator.clipboard.writeText(text);
    } catch (ignored) {
      const range = document.createRange();
      range.selectNodeContents($("output"));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      document.execCommand("copy");
    }
    $("copy-status").textContent = t("copied");
    window.setTimeout(() => {
      $("copy-status").textContent = "";
    }, 2000);
  }

  function save(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  function download() {
    const to = state.last ? state.last.to : "text";
    save(new Blob([resultText()], { type: "text/plain;charset=utf-8" }), `uztranslit-${to}.txt`);
  }

  // --- files ---

  function filenameOf(response) {
    const header = response.headers.get("content-disposition") || "";
    const encoded = /filename\*=UTF-8''([^;]+)/iu.exec(header);
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="([^"]+)"/iu.exec(header);
    return plain ? plain[1] : "uztranslit.txt";
  }

  async function convertFiles(event) {
    event.preventDefault();
    const chosen = $("files").files;
    const status = $("files-status");
    const errorLine = $("files-error");
    hideError(errorLine);
    if (!chosen.length) {
      status.textContent = t("files_none");
      return;
    }
    const form = new FormData();
    for (const file of chosen) form.append("file", file, file.name);
    for (const [name, value] of Object.entries(options())) {
      for (const one of [].concat(value)) form.append(name, one);
    }
    status.textContent = t("working");
    let response;
    try {
      response = await fetch("/api/convert-file", { method: "POST", body: form });
    } catch (error) {
      status.textContent = "";
      showError(errorLine, 0, "");
      return;
    }
    if (!response.ok) {
      status.textContent = "";
      showError(errorLine, response.status, await errorDetail(response));
      return;
    }
    const blob = await response.blob();
    const name = filenameOf(response);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.textContent = `${t("download")}: ${name}`;
    item.append(link);
    $("files-result").prepend(item);
    status.textContent = t("ready");
    link.focus();
  }

  // --- start ---

  async function start() {
    try {
      const response = await fetch("/static/i18n.json");
      state.strings = await response.json();
    } catch (ignored) {
      state.strings = {}; // the page's own Uzbek Latin words stay
    }
    applyLanguage(firstLanguage());
    $("ui-language").addEventListener("change", (event) => applyLanguage(event.target.value));
    $("input").addEventListener("input", convertSoon);
    for (const id of ["source", "to", "apostrophes", "keep"]) {
      $(id).addEventListener("change", convertNow);
    }
    for (const box of document.querySelectorAll("input[name=conventions]")) {
      box.addEventListener("change", convertNow);
    }
    $("swap").addEventListener("click", swap);
    $("copy").addEventListener("click", copy);
    $("download").addEventListener("click", download);
    $("files-form").addEventListener("submit", convertFiles);
    document.body.dataset.ready = "true";
    if ($("input").value) convertNow();
  }

  start();
})();
