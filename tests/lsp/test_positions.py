"""Client positions against pygls's own codec, which counts along the line per position."""
import re

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


LONE_CR_TEXT = st.lists(st.sampled_from(["a", "é", "😀", "\n", "\r", "\r\n", "中", "\u2028"]), max_size=40).map("".join)


def _client_oracle(text: str, line: int, character: int, encoding: str) -> tuple[int, int]:
    """Our (line, code point), lines ending at \n, as the protocol counts: lines end at \n,
    \r\n and a lone \r; characters in the encoding's units (a character past a line's end is
    its end, the \n included, as the codec above has it)."""
    ours = [part + "\n" for part in text.split("\n")]
    ours[-1] = ours[-1][:-1]
    if not ours[-1]:
        ours.pop()  # an empty last line is none
    lone = re.compile("\r(?!\n)")
    if line >= len(ours):  # past the end: the line after the last
        return len(ours) + len(lone.findall(text)), 0
    segment = ours[line][:min(character, len(ours[line]))]
    crs = [m.end() for m in lone.finditer(ours[line]) if m.end() <= len(segment)]
    before = sum(len(lone.findall(part)) for part in ours[:line])
    width = {"utf-8": lambda c: len(c.encode("utf-8")), "utf-16": lambda c: 2 if ord(c) > 0xFFFF else 1,
             "utf-32": lambda c: 1}[encoding]
    return line + before + len(crs), sum(map(width, segment[crs[-1] if crs else 0:]))


@given(LONE_CR_TEXT, st.lists(st.tuples(st.integers(0, 6), st.integers(0, 45)), max_size=20),
       st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_a_lone_carriage_return_ends_the_clients_line(text, asked, encoding):
    """Our lines end at \n only (as the findings'), the protocol's at a lone \r too: a finding
    after one was placed on the line before it, and fixes damaged the document."""
    positions = ClientPositions(text, encoding)
    for line, character in asked:
        assert positions.position(line, character) == _client_oracle(text, line, character, encoding), (line, character)
