"""Convert many texts on all cores with multiprocessing (run by tests/test_docs.py)."""

from multiprocessing import Pool

import uztranslit


def main() -> None:
    texts = ["Ўзбекистон Республикаси", "Тошкент шаҳри", "Съезд ва концерт"] * 1000
    with Pool() as pool:
        latin = pool.map(uztranslit.to_latin, texts, chunksize=100)
    print(latin[0], "|", latin[1], "|", latin[2])


if __name__ == "__main__":
    main()
