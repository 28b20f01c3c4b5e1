<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <location filename="../canvas.py" line="350" />
      <location filename="../canvas.py" line="679" />
      <source>Resize</source>
      <translation>调整大小</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="350" />
      <location filename="../canvas.py" line="535" />
      <location filename="../canvas.py" line="679" />
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="489" />
      <source>Link to new frame</source>
      <translation>串文到新块</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="490" />
      <source>Add frame</source>
      <translation>添加续排块</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="491" />
      <location filename="../canvas.py" line="497" />
      <source>Link</source>
      <translation>串文</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="538" />
      <source>Place %1</source>
      <translation>排入 %1</translation>
    </message>
    <message>
      <location filename="../grid.py" line="97" />
      <source>%1 col / %2 chars</source>
      <translation>%1栏 / %2字</translation>
    </message>
    <message>
      <location filename="../grid.py" line="100" />
      <source> × %1 lines</source>
      <translation> × %1行</translation>
    </message>
  </context>
  <context>
    <name>CopyPanel</name>
    <message>
      <location filename="../panels.py" line="173" />
      <source>All copy</source>
      <translation>全部稿件</translation>
    </message>
    <message>
      <location filename="../panels.py" line="173" />
      <location filename="../panels.py" line="198" />
      <source>Unplaced</source>
      <translation>待排</translation>
    </message>
    <message>
      <location filename="../panels.py" line="173" />
      <source>Placed</source>
      <translation>已排</translation>
    </message>
    <message>
      <location filename="../panels.py" line="197" />
      <source>Photo</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../panels.py" line="197" />
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <location filename="../panels.py" line="198" />
      <source>Page %1</source>
      <translation>第%1版</translation>
    </message>
    <message>
      <location filename="../panels.py" line="200" />
      <source> chars</source>
      <translation> 字</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../export_dialog.py" line="53" />
      <location filename="../export_dialog.py" line="103" />
      <source>Export PDF</source>
      <translation>输出 PDF</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="61" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="66" />
      <source>PNG proofs</source>
      <translation>PNG 校样</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="71" />
      <source>Crop marks and bleed</source>
      <translation>裁切标记与出血</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="73" />
      <source>Export even with preflight errors</source>
      <translation>有检查错误时仍然输出</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="75" />
      <source>PDF file</source>
      <translation>PDF 文件</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="80" />
      <source>Proofs</source>
      <translation>校样</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="87" />
      <source>Preflight runs before export.</source>
      <translation>输出前先做版面检查。</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="89" />
      <source>Export</source>
      <translation>输出</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="95" />
      <source>Preflight</source>
      <translation>检查</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="119" />
      <source>Exporting…</source>
      <translation>正在输出…</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="145" />
      <source>Not exported: preflight found errors (see the list; tick the box to export anyway).</source>
      <translation>未输出：检查发现错误（见列表；勾选“仍然输出”可强制输出）。</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="151" />
      <source>%1 PNG proofs</source>
      <translation>%1 张 PNG 校样</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="152" />
      <source>Exported to %1</source>
      <translation>已输出到 %1</translation>
    </message>
    <message>
      <location filename="../export_dialog.py" line="156" />
      <source>Export failed: %1</source>
      <translation>输出失败：%1</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../main_window.py" line="83" />
      <source>Pages</source>
      <translation>版面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="84" />
      <source>Copy</source>
      <translation>稿件</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="86" />
      <source>Properties</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="87" />
      <source>Story editor</source>
      <translation>文章编辑</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="89" />
      <source>Styles</source>
      <translation>样式</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="92" />
      <source>Preflight</source>
      <translation>检查</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="95" />
      <source>&lt;opened&gt;</source>
      <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="96" />
      <source>History</source>
      <translation>操作记录</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="125" />
      <source>&amp;New</source>
      <translation>新建(&amp;N)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="126" />
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="127" />
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="128" />
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="129" />
      <source>&amp;Import copy…</source>
      <translation>导入稿件(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="130" />
      <source>&amp;Export PDF…</source>
      <translation>输出 PDF(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="131" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="132" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="135" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="138" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="139" />
      <source>Select &amp;all</source>
      <translation>全选(&amp;A)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="140" />
      <source>Bring &amp;forward</source>
      <translation>上移一层(&amp;F)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="141" />
      <source>Send &amp;backward</source>
      <translation>下移一层(&amp;B)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="143" />
      <source>Align left</source>
      <translation>左对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="143" />
      <source>Align right</source>
      <translation>右对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="144" />
      <source>Align top</source>
      <translation>顶对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="144" />
      <source>Align bottom</source>
      <translation>底对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="145" />
      <source>Zoom &amp;in</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="146" />
      <source>Zoom &amp;out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="147" />
      <source>Actual size</source>
      <translation>实际大小</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="148" />
      <source>Fit &amp;page</source>
      <translation>整版显示(&amp;P)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="149" />
      <source>Fit &amp;width</source>
      <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="150" />
      <source>Show guides</source>
      <translation>显示参考线</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="152" />
      <source>Column grid</source>
      <translation>分栏网格</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="154" />
      <source>Baseline grid</source>
      <translation>基线网格</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="156" />
      <source>Block outlines</source>
      <translation>块边框</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="158" />
      <source>Previous page</source>
      <translation>上一版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="160" />
      <source>Next page</source>
      <translation>下一版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="162" />
      <source>Add page</source>
      <translation>添加版面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="163" />
      <source>Delete page</source>
      <translation>删除版面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="164" />
      <location filename="../main_window.py" line="661" />
      <location filename="../main_window.py" line="662" />
      <source>New article</source>
      <translation>新建文章</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="165" />
      <source>New photo…</source>
      <translation>新建图片…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="166" />
      <source>Link to frame (串文)</source>
      <translation>串文</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="167" />
      <location filename="../main_window.py" line="679" />
      <source>About Paiban</source>
      <translation>关于排版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="171" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="174" />
      <source>Open &amp;recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="184" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="188" />
      <location filename="../main_window.py" line="630" />
      <location filename="../main_window.py" line="651" />
      <source>Align</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="191" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="199" />
      <source>&amp;Layout</source>
      <translation>版面(&amp;L)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="202" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="206" />
      <source>Main</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="262" />
      <source>col %1 · line %2</source>
      <translation>第%1栏 · 第%2行</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="278" />
      <source>Layout error: %1</source>
      <translation>排版错误：%1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="283" />
      <source>Layout %1 ms</source>
      <translation>排版 %1 毫秒</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="285" />
      <source>overset %1</source>
      <translation>溢出 %1 字</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="291" />
      <source>Page %1 of %2</source>
      <translation>第%1版，共%2版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="311" />
      <source>Page %1</source>
      <translation>第%1版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="315" />
      <location filename="../main_window.py" line="513" />
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="317" />
      <location filename="../main_window.py" line="361" />
      <source>Paiban</source>
      <translation>排版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="362" />
      <source>The document has unsaved changes. Save them?</source>
      <translation>文档有未保存的修改，要保存吗？</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="384" />
      <source>Open issue</source>
      <translation>打开报纸</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="385" />
      <location filename="../main_window.py" line="450" />
      <source>Paiban issues (*.yaml *.yml)</source>
      <translation>排版文件 (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="404" />
      <location filename="../main_window.py" line="408" />
      <source>Cannot open %1</source>
      <translation>无法打开 %1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="437" />
      <location filename="../main_window.py" line="519" />
      <source>Recover</source>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="438" />
      <source>Paiban found an autosaved copy of %1 that is newer than the file. It may hold changes from a session that ended unexpectedly. Recover it?</source>
      <translation>找到 %1 的自动保存副本，比文件更新，可能含有上次意外退出前的修改。要恢复吗？</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="450" />
      <source>Save issue</source>
      <translation>保存报纸</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="462" />
      <location filename="../main_window.py" line="465" />
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="475" />
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="551" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="554" />
      <location filename="../main_window.py" line="573" />
      <source>Import copy</source>
      <translation>导入稿件</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="555" />
      <source>Copy (*.txt *.docx);;Text (*.txt);;Word (*.docx)</source>
      <translation>稿件 (*.txt *.docx);;文本 (*.txt);;Word (*.docx)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="571" />
      <source>Cannot import</source>
      <translation>无法导入</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="592" />
      <location filename="../main_window.py" line="594" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="606" />
      <source>Bring forward</source>
      <translation>上移一层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="606" />
      <source>Send backward</source>
      <translation>下移一层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="667" />
      <source>Choose image</source>
      <translation>选择图片</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="668" />
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="670" />
      <source>New photo</source>
      <translation>新建图片</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="676" />
      <source>Click the frame the text continues in (Esc cancels)</source>
      <translation>单击续排的文字块（Esc 取消）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="680" />
      <source>Paiban — Chinese newspaper layout.
Screen and PDF are drawn from the same laid-out tree.</source>
      <translation>排版——中文报纸排版。
屏幕与 PDF 由同一排版结果绘制。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="686" />
      <source>Waiting for the export to finish…</source>
      <translation>正在等待输出完成…</translation>
    </message>
    <message>
      <source>%1 col / %2 chars</source>
      <translation>%1栏 / %2字</translation>
    </message>
    <message>
      <source> × %1 lines</source>
      <translation> × %1行</translation>
    </message>
  </context>
  <context>
    <name>PreflightPanel</name>
    <message>
      <location filename="../panels.py" line="759" />
      <source>Severity</source>
      <translation>级别</translation>
    </message>
    <message>
      <location filename="../panels.py" line="759" />
      <source>Page</source>
      <translation>版</translation>
    </message>
    <message>
      <location filename="../panels.py" line="759" />
      <source>Block</source>
      <translation>块</translation>
    </message>
    <message>
      <location filename="../panels.py" line="759" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location filename="../panels.py" line="760" />
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../panels.py" line="766" />
      <source>Run preflight</source>
      <translation>运行检查</translation>
    </message>
    <message>
      <location filename="../panels.py" line="798" />
      <source>%1 findings</source>
      <translation>%1 项检查结果</translation>
    </message>
    <message>
      <location filename="../panels.py" line="798" />
      <source>No problems found</source>
      <translation>未发现问题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="817" />
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../panels.py" line="817" />
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../panels.py" line="817" />
      <source>Info</source>
      <translation>提示</translation>
    </message>
  </context>
  <context>
    <name>PropertiesPanel</name>
    <message>
      <location filename="../panels.py" line="277" />
      <source>%1 blocks selected</source>
      <translation>已选 %1 个块</translation>
    </message>
    <message>
      <location filename="../panels.py" line="283" />
      <source>Page %1</source>
      <translation>第%1版</translation>
    </message>
    <message>
      <location filename="../panels.py" line="285" />
      <source>Issue</source>
      <translation>本期</translation>
    </message>
    <message>
      <location filename="../panels.py" line="287" />
      <source>Page setup and grid</source>
      <translation>版心与网格</translation>
    </message>
    <message>
      <location filename="../panels.py" line="295" />
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <location filename="../panels.py" line="295" />
      <source>Continuation frame</source>
      <translation>续排块</translation>
    </message>
    <message>
      <location filename="../panels.py" line="295" />
      <source>Photo</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../panels.py" line="296" />
      <source>Masthead</source>
      <translation>报头</translation>
    </message>
    <message>
      <location filename="../panels.py" line="296" />
      <source>Page header</source>
      <translation>报眉</translation>
    </message>
    <message>
      <location filename="../panels.py" line="296" />
      <source>QR code</source>
      <translation>二维码</translation>
    </message>
    <message>
      <location filename="../panels.py" line="297" />
      <source>Rule</source>
      <translation>线条</translation>
    </message>
    <message>
      <location filename="../panels.py" line="297" />
      <location filename="../panels.py" line="306" />
      <source>Box</source>
      <translation>边框</translation>
    </message>
    <message>
      <location filename="../panels.py" line="297" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="../panels.py" line="302" />
      <source>Kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="302" />
      <source>Title</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="302" />
      <source>Subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="303" />
      <source>Byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="303" />
      <source>Byline position</source>
      <translation>署名位置</translation>
    </message>
    <message>
      <location filename="../panels.py" line="304" />
      <source>Body columns</source>
      <translation>正文分栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="304" />
      <source>Headline span</source>
      <translation>标题跨栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="305" />
      <source>Headline lines</source>
      <translation>标题行数</translation>
    </message>
    <message>
      <location filename="../panels.py" line="305" />
      <source>Headline align</source>
      <translation>标题对齐</translation>
    </message>
    <message>
      <location filename="../panels.py" line="306" />
      <source>Vertical title</source>
      <translation>竖排标题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="306" />
      <source>Rule below</source>
      <translation>下方加线</translation>
    </message>
    <message>
      <location filename="../panels.py" line="307" />
      <source>Continues in</source>
      <translation>续排至</translation>
    </message>
    <message>
      <location filename="../panels.py" line="307" />
      <source>Image</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../panels.py" line="307" />
      <source>Fit</source>
      <translation>适配</translation>
    </message>
    <message>
      <location filename="../panels.py" line="308" />
      <source>Scale %</source>
      <translation>缩放 %</translation>
    </message>
    <message>
      <location filename="../panels.py" line="308" />
      <source>Caption</source>
      <translation>图说</translation>
    </message>
    <message>
      <location filename="../panels.py" line="308" />
      <source>Credit</source>
      <translation>摄影署名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="309" />
      <source>Caption position</source>
      <translation>图说位置</translation>
    </message>
    <message>
      <location filename="../panels.py" line="309" />
      <source>Text wrap</source>
      <translation>文字绕排</translation>
    </message>
    <message>
      <location filename="../panels.py" line="310" />
      <source>Standoff (mm)</source>
      <translation>绕排距离（毫米）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="310" />
      <source>Bleed</source>
      <translation>出血</translation>
    </message>
    <message>
      <location filename="../panels.py" line="310" />
      <source>Section</source>
      <translation>版名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="311" />
      <source>Editor</source>
      <translation>责任编辑</translation>
    </message>
    <message>
      <location filename="../panels.py" line="311" />
      <source>Designer</source>
      <translation>美编</translation>
    </message>
    <message>
      <location filename="../panels.py" line="311" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../panels.py" line="312" />
      <source>Size (pt)</source>
      <translation>字号（磅）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="312" />
      <source>Vertical</source>
      <translation>竖排</translation>
    </message>
    <message>
      <location filename="../panels.py" line="312" />
      <source>Data</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../panels.py" line="313" />
      <source>Label</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../panels.py" line="313" />
      <source>Style</source>
      <translation>样式</translation>
    </message>
    <message>
      <location filename="../panels.py" line="313" />
      <source>Width (pt)</source>
      <translation>线宽（磅）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="314" />
      <source>Paper name</source>
      <translation>报名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="314" />
      <source>Issue no.</source>
      <translation>期号</translation>
    </message>
    <message>
      <location filename="../panels.py" line="314" />
      <source>Total issue</source>
      <translation>总期号</translation>
    </message>
    <message>
      <location filename="../panels.py" line="315" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../panels.py" line="315" />
      <source>Publisher</source>
      <translation>主办</translation>
    </message>
    <message>
      <location filename="../panels.py" line="315" />
      <source>Registration</source>
      <translation>准印证号</translation>
    </message>
    <message>
      <location filename="../panels.py" line="316" />
      <source>Editor in chief</source>
      <translation>总编辑</translation>
    </message>
    <message>
      <location filename="../panels.py" line="316" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../panels.py" line="317" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../panels.py" line="317" />
      <source>Price</source>
      <translation>定价</translation>
    </message>
    <message>
      <location filename="../panels.py" line="317" />
      <source>Website</source>
      <translation>网址</translation>
    </message>
    <message>
      <location filename="../panels.py" line="318" />
      <source>Pages</source>
      <translation>版面</translation>
    </message>
    <message>
      <location filename="../panels.py" line="318" />
      <source>Number</source>
      <translation>版次</translation>
    </message>
    <message>
      <location filename="../panels.py" line="318" />
      <source>Columns</source>
      <translation>基本栏数</translation>
    </message>
    <message>
      <location filename="../panels.py" line="319" />
      <source>Characters per column</source>
      <translation>每栏字数</translation>
    </message>
    <message>
      <location filename="../panels.py" line="319" />
      <source>Gutter (characters)</source>
      <translation>栏距（字）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="320" />
      <source>Body size (pt)</source>
      <translation>正文字号（磅）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="320" />
      <source>Line pitch (pt)</source>
      <translation>行距（磅）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="321" />
      <source>Column rules</source>
      <translation>栏线</translation>
    </message>
    <message>
      <location filename="../panels.py" line="321" />
      <source>Header space (mm)</source>
      <translation>报眉高度（毫米）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="334" />
      <source>Change %1</source>
      <translation>修改%1</translation>
    </message>
    <message>
      <location filename="../panels.py" line="386" />
      <source>Col</source>
      <translation>栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="386" />
      <source>Span</source>
      <translation>跨栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="386" />
      <source>Line</source>
      <translation>行</translation>
    </message>
    <message>
      <location filename="../panels.py" line="387" />
      <source>Lines</source>
      <translation>行数</translation>
    </message>
    <message>
      <location filename="../panels.py" line="397" />
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../panels.py" line="407" />
      <source>Position</source>
      <translation>位置</translation>
    </message>
    <message>
      <location filename="../panels.py" line="408" />
      <source>Snap to grid</source>
      <translation>对齐网格</translation>
    </message>
    <message>
      <location filename="../panels.py" line="408" />
      <source>Free (mm)</source>
      <translation>自由定位（毫米）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="417" />
      <location filename="../panels.py" line="423" />
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <location filename="../panels.py" line="426" />
      <source>Choose image…</source>
      <translation>选择图片…</translation>
    </message>
    <message>
      <location filename="../panels.py" line="440" />
      <source>Crop</source>
      <translation>裁切</translation>
    </message>
    <message>
      <location filename="../panels.py" line="449" />
      <source>Choose image</source>
      <translation>选择图片</translation>
    </message>
    <message>
      <location filename="../panels.py" line="450" />
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
      <source>%1 col / %2 chars</source>
      <translation>%1栏 / %2字</translation>
    </message>
    <message>
      <source> × %1 lines</source>
      <translation> × %1行</translation>
    </message>
  </context>
  <context>
    <name>StoryEditor</name>
    <message>
      <location filename="../panels.py" line="477" />
      <source>One paragraph per line</source>
      <translation>每行一段</translation>
    </message>
    <message>
      <location filename="../panels.py" line="509" />
      <source>Kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="509" />
      <source>Title</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="509" />
      <source>Subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="510" />
      <source>Byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="510" />
      <source>Body</source>
      <translation>正文</translation>
    </message>
    <message>
      <location filename="../panels.py" line="605" />
      <source>Edit %1</source>
      <translation>编辑%1</translation>
    </message>
    <message>
      <location filename="../panels.py" line="615" />
      <location filename="../panels.py" line="621" />
      <source>Paragraph style</source>
      <translation>段落样式</translation>
    </message>
    <message>
      <location filename="../panels.py" line="626" />
      <source>Select an article to edit its text.</source>
      <translation>选择一篇文章以编辑文字。</translation>
    </message>
    <message>
      <location filename="../panels.py" line="632" />
      <source>%1 characters</source>
      <translation>%1 字</translation>
    </message>
    <message>
      <location filename="../panels.py" line="634" />
      <source>overset %1</source>
      <translation>溢出 %1 字</translation>
    </message>
  </context>
  <context>
    <name>StyleEditor</name>
    <message>
      <location filename="../panels.py" line="668" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../panels.py" line="668" />
      <source>Size (pt or 号)</source>
      <translation>字号（磅或号）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="669" />
      <source>Leading</source>
      <translation>行距</translation>
    </message>
    <message>
      <location filename="../panels.py" line="669" />
      <source>Tracking (1/1000 em)</source>
      <translation>字距（1/1000 字）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="670" />
      <source>Horizontal scale</source>
      <translation>字宽（长扁）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="670" />
      <source>Indent</source>
      <translation>首行缩进</translation>
    </message>
    <message>
      <location filename="../panels.py" line="671" />
      <source>Punctuation</source>
      <translation>标点类型</translation>
    </message>
    <message>
      <location filename="../panels.py" line="671" />
      <source>Alignment</source>
      <translation>对齐方式</translation>
    </message>
    <message>
      <location filename="../panels.py" line="672" />
      <source>Line breaking</source>
      <translation>避头尾</translation>
    </message>
    <message>
      <location filename="../panels.py" line="740" />
      <source>Style %1</source>
      <translation>样式 %1</translation>
    </message>
  </context>
  <context>
    <name>ThumbnailPanel</name>
    <message>
      <location filename="../panels.py" line="53" />
      <location filename="../panels.py" line="133" />
      <source>Add page</source>
      <translation>添加版面</translation>
    </message>
    <message>
      <location filename="../panels.py" line="56" />
      <location filename="../panels.py" line="141" />
      <source>Delete page</source>
      <translation>删除版面</translation>
    </message>
    <message>
      <location filename="../panels.py" line="86" />
      <source>Page %1</source>
      <translation>第%1版</translation>
    </message>
    <message>
      <location filename="../panels.py" line="127" />
      <source>Move page</source>
      <translation>移动版面</translation>
    </message>
  </context>
  <context>
    <name>Canvas</name>
    <message>
      <source>%1 col / %2 chars</source>
      <translation>%1栏 / %2字</translation>
    </message>
    <message>
      <source> × %1 lines</source>
      <translation> × %1行</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <source>Resize</source>
      <translation>调整大小</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>串文</translation>
    </message>
    <message>
      <source>Link to new frame</source>
      <translation>串文到新块</translation>
    </message>
    <message>
      <source>Add frame</source>
      <translation>添加续排块</translation>
    </message>
    <message>
      <source>Place %1</source>
      <translation>排入 %1</translation>
    </message>
  </context>
</TS>