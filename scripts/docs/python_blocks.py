"""Runs the docs' Python blocks one after another in this interpreter, each in a namespace of its own
(a block may use only what it imports and defines), and reports each on a line of its own:
``docblock ok <where>`` or ``docblock failed <where>: <exception>``, the traceback following on stderr.
Tracebacks name the page and its line numbers. Argument: a JSON file of ``[{"where", "page", "line", "text"}]``.
"""

import json
import sys
import traceback


def main(blocks_file: str) -> None:
    with open(blocks_file, encoding="utf-8") as f:
        blocks = json.load(f)
    for block in blocks:
        # Padding by the fence's line makes the block's lines those of the page.
        code = compile("\n" * block["line"] + block["text"], block["page"], "exec")
        try:
            exec(code, {"__name__": "__main__"})
            print(f"docblock ok {block['where']}", flush=True)
        except BaseException as failure:  # noqa: BLE001 - a block's failure is reported, then the next runs
            traceback.print_exc()
            first = str(failure).strip().splitlines()
            print(f"docblock failed {block['where']}: {type(failure).__name__}: {first[0] if first else ''}",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
