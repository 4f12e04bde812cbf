"""Client positions against pygls's own codec, which counts along the line per position."""
from hypothesis import given, strategies as st
from lsprotocol import types as T
from pygls.workspace.position_codec import PositionCodec

from wfmlint.lsp_positions import ClientPositions

TEXT = st.lists(st.sampled_from(["a", "é", "😀", "\n", "\r\n", "中", "\ufeff", "\U0010ffff", "\u2028", "\x85"]),
                max_size=40).map("".join)


@given(TEXT, st.lists(st.tuples(st.integers(0, 6), st.integers(0, 45)), max_size=20),
       st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_positions_match_the_pygls_codec(text, asked, encoding):
    codec = PositionCodec(encoding)
    # LSP lines end at \n (and \r\n): a U+2028 or U+0085 in a JSON string is no line break
    lines = tuple(part + "\n" for part in text.split("\n")[:-1]) + ((text.split("\n")[-1],) if text.split("\n")[-1] else ())
    positions = ClientPositions(text, encoding)
    for line, character in asked:
        expected = codec.position_to_client_units(lines, T.Position(line, character))
        assert positions.position(line, character) == (expected.line, expected.character)
