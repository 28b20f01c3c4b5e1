"""Regenerate ``paiban_zh_CN.ts`` from the sources (pyside6-lupdate), fill in the Chinese from ``ZH`` below,
and compile ``paiban_zh_CN.qm`` (pyside6-lrelease). Run: ``.venv/bin/python gui/i18n/update.py``.

Strings passed through a variable (``QApplication.translate("Canvas", text)``, grid labels) are not seen by
lupdate; ``EXTRA`` lists them per context.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUI = HERE.parent
TS = HERE / "paiban_zh_CN.ts"
QM = HERE / "paiban_zh_CN.qm"

ZH = {
    " chars": " 字", " × %1 lines": " × %1行", "%1 blocks selected": "已选 %1 个块", "%1 characters": "%1 字",
    "%1 col / %2 chars": "%1栏 / %2字", "%1 findings": "%1 项检查结果", "&Delete": "删除(&D)", "&Edit": "编辑(&E)",
    "&Export PDF…": "输出 PDF(&E)…", "&File": "文件(&F)", "&Help": "帮助(&H)", "&Import copy…": "导入稿件(&I)…",
    "&Layout": "版面(&L)", "&New": "新建(&N)", "&Open…": "打开(&O)…", "&Quit": "退出(&Q)", "&Redo": "重做(&R)",
    "&Save": "保存(&S)", "&Undo": "撤销(&U)", "&View": "视图(&V)", "(none)": "（无）", "About Paiban": "关于排版",
    "Actual size": "实际大小", "Add frame": "添加续排块", "Add page": "添加版面", "Address": "地址", "Align": "对齐",
    "Align bottom": "底对齐", "Align left": "左对齐", "Align right": "右对齐", "Align top": "顶对齐",
    "Alignment": "对齐方式", "All copy": "全部稿件", "Article": "文章", "Baseline grid": "基线网格", "Bleed": "出血",
    "Block": "块", "Block outlines": "块边框", "Body": "正文", "Body columns": "正文分栏", "Box": "边框",
    "Bring &forward": "上移一层(&F)", "Bring forward": "上移一层", "Browse…": "浏览…", "Byline": "署名",
    "Byline position": "署名位置", "Cannot import": "无法导入", "Cannot open %1": "无法打开 %1",
    "Cannot save": "无法保存", "Caption": "图说", "Caption position": "图说位置", "Change %1": "修改%1",
    "Choose image": "选择图片", "Choose image…": "选择图片…",
    "Click the frame the text continues in (Esc cancels)": "单击续排的文字块（Esc 取消）", "Code": "代码",
    "Col": "栏", "Column grid": "分栏网格", "Continuation frame": "续排块", "Continues in": "续排至", "Copy": "稿件",
    "Copy (*.txt *.docx);;Text (*.txt);;Word (*.docx)": "稿件 (*.txt *.docx);;文本 (*.txt);;Word (*.docx)",
    "Credit": "摄影署名", "Crop": "裁切", "Crop marks and bleed": "裁切标记与出血", "Data": "内容", "Date": "日期",
    "Delete": "删除", "Delete page": "删除版面", "Designer": "美编", "Edit %1": "编辑%1", "Editor": "责任编辑",
    "Editor in chief": "总编辑", "Error": "错误", "Export": "输出", "Export PDF": "输出 PDF",
    "Export failed: %1": "输出失败：%1", "Exported to %1": "已输出到 %1", "Exporting…": "正在输出…", "Fit": "适配",
    "Fit &page": "整版显示(&P)", "Fit &width": "适合宽度(&W)", "Font": "字体", "Free (mm)": "自由定位（毫米）",
    "Grid": "网格", "Headline align": "标题对齐", "Headline lines": "标题行数", "Headline span": "标题跨栏",
    "Horizontal scale": "字宽（长扁）", "Image": "图片", "Images (*.jpg *.jpeg *.png *.tif *.tiff)":
    "图片 (*.jpg *.jpeg *.png *.tif *.tiff)", "Import copy": "导入稿件", "Indent": "首行缩进", "Info": "提示",
    "Issue": "本期", "Issue no.": "期号", "Kicker": "引题", "Label": "标签", "Layout %1 ms": "排版 %1 毫秒",
    "Layout error: ": "排版错误：", "Layout error: %1": "排版错误：%1", "Leading": "行距", "Line": "行",
    "Line breaking": "避头尾", "Lines": "行数", "Link": "串文", "Link to frame (串文)": "串文",
    "Link to new frame": "串文到新块", "Main": "主工具栏", "Masthead": "报头", "Message": "说明", "Move": "移动",
    "Move page": "移动版面", "New article": "新建文章", "New photo": "新建图片", "New photo…": "新建图片…",
    "Next page": "下一版", "Number": "版次", "One paragraph per line": "每行一段", "Open &recent": "最近打开(&R)",
    "Open issue": "打开报纸", "PDF file": "PDF 文件", "PNG proofs": "PNG 校样", "Page": "版", "Page %1": "第%1版",
    "Page %1 of %2": "第%1版，共%2版", "Page header": "报眉", "Pages": "版面", "Paiban": "排版",
    "Paiban found an autosaved copy of %1 that is newer than the file. It may hold changes from a session that "
    "ended unexpectedly. Recover it?": "找到 %1 的自动保存副本，比文件更新，可能含有上次意外退出前的修改。要恢复吗？",
    "Paiban issues (*.yaml *.yml)": "排版文件 (*.yaml *.yml)", "Paper name": "报名", "Paragraph style": "段落样式",
    "Phone": "电话", "Photo": "图片", "Place %1": "排入 %1", "Placed": "已排", "Position": "位置",
    "Preflight": "检查", "Preflight runs before export.": "输出前先做版面检查。", "Previous page": "上一版",
    "Price": "定价", "Proofs": "校样", "Properties": "属性", "Publisher": "主办", "Punctuation": "标点类型",
    "QR code": "二维码", "Recover": "恢复", "Registration": "准印证号", "Resize": "调整大小", "Rule": "线条",
    "Rule below": "下方加线", "Run preflight": "运行检查", "Save &As…": "另存为(&A)…", "Save issue": "保存报纸",
    "Saved %1": "已保存 %1", "Scale %": "缩放 %", "Section": "版名", "Select &all": "全选(&A)",
    "Select an article to edit its text.": "选择一篇文章以编辑文字。", "Send &backward": "下移一层(&B)",
    "Send backward": "下移一层", "Severity": "级别", "Show guides": "显示参考线", "Size (pt or 号)": "字号（磅或号）",
    "Size (pt)": "字号（磅）", "Snap to grid": "对齐网格", "Span": "跨栏", "Standoff (mm)": "绕排距离（毫米）",
    "Story editor": "文章编辑", "Style": "样式", "Style %1": "样式 %1", "Styles": "样式", "Subtitle": "副题",
    "Text": "文字", "Text wrap": "文字绕排", "The document has unsaved changes. Save them?": "文档有未保存的修改，要保存吗？",
    "Title": "主题", "Total issue": "总期号", "Tracking (1/1000 em)": "字距（1/1000 字）", "Unplaced": "待排",
    "Untitled": "未命名", "Vertical": "竖排", "Vertical title": "竖排标题", "Warning": "警告", "Website": "网址",
    "Paiban — Chinese newspaper layout.\nScreen and PDF are drawn from the same laid-out tree.":
    "排版——中文报纸排版。\n屏幕与 PDF 由同一排版结果绘制。",
    "Width (pt)": "线宽（磅）", "No problems found": "未发现问题", "History": "操作记录", "<opened>": "<打开时>",
    "col %1 · line %2": "第%1栏 · 第%2行", "Page setup and grid": "版心与网格", "Columns": "基本栏数",
    "Characters per column": "每栏字数", "Gutter (characters)": "栏距（字）", "Body size (pt)": "正文字号（磅）",
    "Line pitch (pt)": "行距（磅）", "Column rules": "栏线", "Header space (mm)": "报眉高度（毫米）", "Waiting for the export to finish…": "正在等待输出完成…", "%1 PNG proofs": "%1 张 PNG 校样",
    "Export even with preflight errors": "有检查错误时仍然输出",
    "Not exported: preflight found errors (see the list; tick the box to export anyway).":
    "未输出：检查发现错误（见列表；勾选“仍然输出”可强制输出）。", "Zoom &in": "放大(&I)", "Zoom &out": "缩小(&O)", "overset %1": "溢出 %1 字",
}

EXTRA = {
    "Canvas": ["%1 col / %2 chars", " × %1 lines", "Move", "Resize", "Link", "Link to new frame", "Add frame",
               "Place %1"],
    "PropertiesPanel": ["%1 col / %2 chars", " × %1 lines"],
    "MainWindow": ["%1 col / %2 chars", " × %1 lines"],
}


def main() -> int:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or "pyside6-lupdate"
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    srcs = sorted(str(p) for p in GUI.glob("*.py"))
    subprocess.run([lupdate, "-no-obsolete", *srcs, "-ts", str(TS)], check=True, capture_output=True)
    tree = ET.parse(TS)
    root = tree.getroot()
    for ctx_name, sources in EXTRA.items():
        ctx = next((c for c in root.iter("context") if c.findtext("name") == ctx_name), None)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = ctx_name
        have = {m.findtext("source") for m in ctx.iter("message")}
        for s in sources:
            if s not in have:
                m = ET.SubElement(ctx, "message")
                ET.SubElement(m, "source").text = s
                ET.SubElement(m, "translation")
    missing = []
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            src = m.findtext("source")
            t = m.find("translation")
            if src in ZH:
                t.text = ZH[src]
                t.attrib.pop("type", None)
            else:
                missing.append(src)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([lrelease, str(TS), "-qm", str(QM)], check=True, capture_output=True)
    if missing:
        print("untranslated:", *sorted(set(missing)), sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
