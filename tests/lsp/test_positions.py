"""Client positions against pygls's own codec, which counts along the line per position."""
from hypothesis import given, strategies as st
from lsprotocol import types as T
from pygls.workspace.position_codec import PositionCodec

from wfmlint.lsp_positions import ClientPositions

TEXT = st.lists(st.sampled_from(["a", "é", "😀", "\n", "\r\n", "中", "\ufeff", "\U0010ffff"]), max_size=40).map("".join)


@given(TEXT, st.lists(st.tuples(st.integers(0, 6), st.integers(0, 45)), max_size=20),
       st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_positions_match_the_pygls_codec(text, asked, encoding):
    codec = PositionCodec(encoding)
    lines = tuple(text.splitlines(True))
    positions = ClientPositions(text, encoding)
    for line, character in asked:
        expected = codec.position_to_client_units(lines, T.Position(line, character))
        assert positions.position(line, character) == (expected.line, expected.character)
