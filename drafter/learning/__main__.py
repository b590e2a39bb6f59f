"""`python -m drafter.learning`: retrain the heading classifier and write templates/heading_model.json.

    python -m drafter.learning            # train on ../shared/corpus and the seeds, write the model
    python -m drafter.learning --check    # exit 1 when the shipped model is not what training gives

Same inputs, byte-identical file (see drafter.learning.train). A maintainer's command, not a user's:
it needs the labelled corpus beside the checkout, so it is not among drafter's own commands.
"""

from __future__ import annotations

from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Train on the corpus and the seeds and write (or, with --check, compare) the shipped model."""
    import argparse
    import sys

    from drafter.errors import DrafterError
    from drafter.learning import labelled_reports, model_json
    from drafter.reading import MODEL_FILE
    from drafter.resources import template_path

    root = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(
        prog="python -m drafter.learning",
        description="训练标题分类模型并写入 templates/heading_model.json（同样的输入得到逐字节相同的文件）。",
    )
    ap.add_argument("--corpus", type=Path, default=root.parent / "shared" / "corpus")
    ap.add_argument("--seeds", type=Path, default=root / "seeds")
    ap.add_argument(
        "--expected", type=Path, default=root / "tests" / "data" / "expected_outlines.yaml"
    )
    ap.add_argument("-o", "--output", type=Path, default=template_path(MODEL_FILE))
    ap.add_argument(
        "--check", action="store_true", help="只比较，不写入；模型需要重新训练时退出码为 1。"
    )
    args = ap.parse_args(argv)
    try:
        reports = labelled_reports(args.corpus, args.seeds, args.expected)
        text = model_json(reports)
    except DrafterError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(
                f"{args.output} 不是当前数据训练的结果，请运行 python -m drafter.learning。",
                file=sys.stderr,
            )
            return 1
        print(f"{args.output} 与训练结果一致。")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"模型已写入 {args.output}（{len(reports)} 篇报告）。")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
