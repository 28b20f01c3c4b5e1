<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <location filename="../canvas.py" line="342" />
      <location filename="../canvas.py" line="654" />
      <source>Resize</source>
      <translation>调整大小</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="342" />
      <location filename="../canvas.py" line="511" />
      <location filename="../canvas.py" line="654" />
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="480" />
      <source>Link to new frame</source>
      <translation>串文到新块</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="481" />
      <source>Add frame</source>
      <translation>添加续排块</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="482" />
      <location filename="../canvas.py" line="488" />
      <source>Link</source>
      <translation>串文</translation>
    </message>
    <message>
      <location filename="../canvas.py" line="517" />
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
      <location filename="../main_window.py" line="84" />
      <source>Pages</source>
      <translation>版面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="85" />
      <source>Copy</source>
      <translation>稿件</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="87" />
      <source>Properties</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="88" />
      <source>Story editor</source>
      <translation>文章编辑</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="90" />
      <source>Styles</source>
      <translation>样式</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="93" />
      <source>Preflight</source>
      <translation>检查</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="120" />
      <source>&amp;New</source>
      <translation>新建(&amp;N)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="121" />
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="122" />
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="123" />
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="124" />
      <source>&amp;Import copy…</source>
      <translation>导入稿件(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="125" />
      <source>&amp;Export PDF…</source>
      <translation>输出 PDF(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="126" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="127" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="130" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="133" />
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="134" />
      <source>Select &amp;all</source>
      <translation>全选(&amp;A)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="135" />
      <source>Bring &amp;forward</source>
      <translation>上移一层(&amp;F)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="136" />
      <source>Send &amp;backward</source>
      <translation>下移一层(&amp;B)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="138" />
      <source>Align left</source>
      <translation>左对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="138" />
      <source>Align right</source>
      <translation>右对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="139" />
      <source>Align top</source>
      <translation>顶对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="139" />
      <source>Align bottom</source>
      <translation>底对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="140" />
      <source>Zoom &amp;in</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="141" />
      <source>Zoom &amp;out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="142" />
      <source>Actual size</source>
      <translation>实际大小</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="143" />
      <source>Fit &amp;page</source>
      <translation>整版显示(&amp;P)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="144" />
      <source>Fit &amp;width</source>
      <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="145" />
      <source>Show guides</source>
      <translation>显示参考线</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="147" />
      <source>Column grid</source>
      <translation>分栏网格</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="149" />
      <source>Baseline grid</source>
      <translation>基线网格</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="151" />
      <source>Block outlines</source>
      <translation>块边框</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="153" />
      <source>Previous page</source>
      <translation>上一版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="155" />
      <source>Next page</source>
      <translation>下一版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="157" />
      <source>Add page</source>
      <translation>添加版面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="158" />
      <source>Delete page</source>
      <translation>删除版面</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="159" />
      <location filename="../main_window.py" line="641" />
      <location filename="../main_window.py" line="642" />
      <source>New article</source>
      <translation>新建文章</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="160" />
      <source>New photo…</source>
      <translation>新建图片…</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="161" />
      <source>Link to frame (串文)</source>
      <translation>串文</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="162" />
      <location filename="../main_window.py" line="659" />
      <source>About Paiban</source>
      <translation>关于排版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="166" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="169" />
      <source>Open &amp;recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="179" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="183" />
      <location filename="../main_window.py" line="610" />
      <location filename="../main_window.py" line="631" />
      <source>Align</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="186" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="194" />
      <source>&amp;Layout</source>
      <translation>版面(&amp;L)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="197" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="201" />
      <source>Main</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="258" />
      <source>Layout error: %1</source>
      <translation>排版错误：%1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="263" />
      <source>Layout %1 ms</source>
      <translation>排版 %1 毫秒</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="265" />
      <source>overset %1</source>
      <translation>溢出 %1 字</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="271" />
      <source>Page %1 of %2</source>
      <translation>第%1版，共%2版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="291" />
      <source>Page %1</source>
      <translation>第%1版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="295" />
      <location filename="../main_window.py" line="493" />
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="297" />
      <location filename="../main_window.py" line="341" />
      <source>Paiban</source>
      <translation>排版</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="342" />
      <source>The document has unsaved changes. Save them?</source>
      <translation>文档有未保存的修改，要保存吗？</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="364" />
      <source>Open issue</source>
      <translation>打开报纸</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="365" />
      <location filename="../main_window.py" line="430" />
      <source>Paiban issues (*.yaml *.yml)</source>
      <translation>排版文件 (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="384" />
      <location filename="../main_window.py" line="388" />
      <source>Cannot open %1</source>
      <translation>无法打开 %1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="417" />
      <location filename="../main_window.py" line="499" />
      <source>Recover</source>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="418" />
      <source>Paiban found an autosaved copy of %1 that is newer than the file. It may hold changes from a session that ended unexpectedly. Recover it?</source>
      <translation>找到 %1 的自动保存副本，比文件更新，可能含有上次意外退出前的修改。要恢复吗？</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="430" />
      <source>Save issue</source>
      <translation>保存报纸</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="442" />
      <location filename="../main_window.py" line="445" />
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="455" />
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="531" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="534" />
      <location filename="../main_window.py" line="553" />
      <source>Import copy</source>
      <translation>导入稿件</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="535" />
      <source>Copy (*.txt *.docx);;Text (*.txt);;Word (*.docx)</source>
      <translation>稿件 (*.txt *.docx);;文本 (*.txt);;Word (*.docx)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="551" />
      <source>Cannot import</source>
      <translation>无法导入</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="572" />
      <location filename="../main_window.py" line="574" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="586" />
      <source>Bring forward</source>
      <translation>上移一层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="586" />
      <source>Send backward</source>
      <translation>下移一层</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="647" />
      <source>Choose image</source>
      <translation>选择图片</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="648" />
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="650" />
      <source>New photo</source>
      <translation>新建图片</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="656" />
      <source>Click the frame the text continues in (Esc cancels)</source>
      <translation>单击续排的文字块（Esc 取消）</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="660" />
      <source>Paiban — Chinese newspaper layout.
Screen and PDF are drawn from the same laid-out tree.</source>
      <translation>排版——中文报纸排版。
屏幕与 PDF 由同一排版结果绘制。</translation>
    </message>
    <message>
      <location filename="../main_window.py" line="666" />
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
      <location filename="../panels.py" line="752" />
      <source>Severity</source>
      <translation>级别</translation>
    </message>
    <message>
      <location filename="../panels.py" line="752" />
      <source>Page</source>
      <translation>版</translation>
    </message>
    <message>
      <location filename="../panels.py" line="752" />
      <source>Block</source>
      <translation>块</translation>
    </message>
    <message>
      <location filename="../panels.py" line="752" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location filename="../panels.py" line="753" />
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../panels.py" line="759" />
      <source>Run preflight</source>
      <translation>运行检查</translation>
    </message>
    <message>
      <location filename="../panels.py" line="791" />
      <source>%1 findings</source>
      <translation>%1 项检查结果</translation>
    </message>
    <message>
      <location filename="../panels.py" line="791" />
      <source>No problems found</source>
      <translation>未发现问题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="810" />
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../panels.py" line="810" />
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../panels.py" line="810" />
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
      <location filename="../panels.py" line="291" />
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <location filename="../panels.py" line="291" />
      <source>Continuation frame</source>
      <translation>续排块</translation>
    </message>
    <message>
      <location filename="../panels.py" line="291" />
      <source>Photo</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../panels.py" line="292" />
      <source>Masthead</source>
      <translation>报头</translation>
    </message>
    <message>
      <location filename="../panels.py" line="292" />
      <source>Page header</source>
      <translation>报眉</translation>
    </message>
    <message>
      <location filename="../panels.py" line="292" />
      <source>QR code</source>
      <translation>二维码</translation>
    </message>
    <message>
      <location filename="../panels.py" line="293" />
      <source>Rule</source>
      <translation>线条</translation>
    </message>
    <message>
      <location filename="../panels.py" line="293" />
      <location filename="../panels.py" line="302" />
      <source>Box</source>
      <translation>边框</translation>
    </message>
    <message>
      <location filename="../panels.py" line="293" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="../panels.py" line="298" />
      <source>Kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="298" />
      <source>Title</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="298" />
      <source>Subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="299" />
      <source>Byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="299" />
      <source>Byline position</source>
      <translation>署名位置</translation>
    </message>
    <message>
      <location filename="../panels.py" line="300" />
      <source>Body columns</source>
      <translation>正文分栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="300" />
      <source>Headline span</source>
      <translation>标题跨栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="301" />
      <source>Headline lines</source>
      <translation>标题行数</translation>
    </message>
    <message>
      <location filename="../panels.py" line="301" />
      <source>Headline align</source>
      <translation>标题对齐</translation>
    </message>
    <message>
      <location filename="../panels.py" line="302" />
      <source>Vertical title</source>
      <translation>竖排标题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="302" />
      <source>Rule below</source>
      <translation>下方加线</translation>
    </message>
    <message>
      <location filename="../panels.py" line="303" />
      <source>Continues in</source>
      <translation>续排至</translation>
    </message>
    <message>
      <location filename="../panels.py" line="303" />
      <source>Image</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../panels.py" line="303" />
      <source>Fit</source>
      <translation>适配</translation>
    </message>
    <message>
      <location filename="../panels.py" line="304" />
      <source>Scale %</source>
      <translation>缩放 %</translation>
    </message>
    <message>
      <location filename="../panels.py" line="304" />
      <source>Caption</source>
      <translation>图说</translation>
    </message>
    <message>
      <location filename="../panels.py" line="304" />
      <source>Credit</source>
      <translation>摄影署名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="305" />
      <source>Caption position</source>
      <translation>图说位置</translation>
    </message>
    <message>
      <location filename="../panels.py" line="305" />
      <source>Text wrap</source>
      <translation>文字绕排</translation>
    </message>
    <message>
      <location filename="../panels.py" line="306" />
      <source>Standoff (mm)</source>
      <translation>绕排距离（毫米）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="306" />
      <source>Bleed</source>
      <translation>出血</translation>
    </message>
    <message>
      <location filename="../panels.py" line="306" />
      <source>Section</source>
      <translation>版名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="307" />
      <source>Editor</source>
      <translation>责任编辑</translation>
    </message>
    <message>
      <location filename="../panels.py" line="307" />
      <source>Designer</source>
      <translation>美编</translation>
    </message>
    <message>
      <location filename="../panels.py" line="307" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../panels.py" line="308" />
      <source>Size (pt)</source>
      <translation>字号（磅）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="308" />
      <source>Vertical</source>
      <translation>竖排</translation>
    </message>
    <message>
      <location filename="../panels.py" line="308" />
      <source>Data</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../panels.py" line="309" />
      <source>Label</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../panels.py" line="309" />
      <source>Style</source>
      <translation>样式</translation>
    </message>
    <message>
      <location filename="../panels.py" line="309" />
      <source>Width (pt)</source>
      <translation>线宽（磅）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="310" />
      <source>Paper name</source>
      <translation>报名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="310" />
      <source>Issue no.</source>
      <translation>期号</translation>
    </message>
    <message>
      <location filename="../panels.py" line="310" />
      <source>Total issue</source>
      <translation>总期号</translation>
    </message>
    <message>
      <location filename="../panels.py" line="311" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../panels.py" line="311" />
      <source>Publisher</source>
      <translation>主办</translation>
    </message>
    <message>
      <location filename="../panels.py" line="311" />
      <source>Registration</source>
      <translation>准印证号</translation>
    </message>
    <message>
      <location filename="../panels.py" line="312" />
      <source>Editor in chief</source>
      <translation>总编辑</translation>
    </message>
    <message>
      <location filename="../panels.py" line="312" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../panels.py" line="313" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../panels.py" line="313" />
      <source>Price</source>
      <translation>定价</translation>
    </message>
    <message>
      <location filename="../panels.py" line="313" />
      <source>Website</source>
      <translation>网址</translation>
    </message>
    <message>
      <location filename="../panels.py" line="314" />
      <source>Pages</source>
      <translation>版面</translation>
    </message>
    <message>
      <location filename="../panels.py" line="314" />
      <source>Number</source>
      <translation>版次</translation>
    </message>
    <message>
      <location filename="../panels.py" line="327" />
      <source>Change %1</source>
      <translation>修改%1</translation>
    </message>
    <message>
      <location filename="../panels.py" line="379" />
      <source>Col</source>
      <translation>栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="379" />
      <source>Span</source>
      <translation>跨栏</translation>
    </message>
    <message>
      <location filename="../panels.py" line="379" />
      <source>Line</source>
      <translation>行</translation>
    </message>
    <message>
      <location filename="../panels.py" line="380" />
      <source>Lines</source>
      <translation>行数</translation>
    </message>
    <message>
      <location filename="../panels.py" line="390" />
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../panels.py" line="400" />
      <source>Position</source>
      <translation>位置</translation>
    </message>
    <message>
      <location filename="../panels.py" line="401" />
      <source>Snap to grid</source>
      <translation>对齐网格</translation>
    </message>
    <message>
      <location filename="../panels.py" line="401" />
      <source>Free (mm)</source>
      <translation>自由定位（毫米）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="410" />
      <location filename="../panels.py" line="416" />
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <location filename="../panels.py" line="419" />
      <source>Choose image…</source>
      <translation>选择图片…</translation>
    </message>
    <message>
      <location filename="../panels.py" line="433" />
      <source>Crop</source>
      <translation>裁切</translation>
    </message>
    <message>
      <location filename="../panels.py" line="442" />
      <source>Choose image</source>
      <translation>选择图片</translation>
    </message>
    <message>
      <location filename="../panels.py" line="443" />
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
      <location filename="../panels.py" line="470" />
      <source>One paragraph per line</source>
      <translation>每行一段</translation>
    </message>
    <message>
      <location filename="../panels.py" line="502" />
      <source>Kicker</source>
      <translation>引题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="502" />
      <source>Title</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="502" />
      <source>Subtitle</source>
      <translation>副题</translation>
    </message>
    <message>
      <location filename="../panels.py" line="503" />
      <source>Byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <location filename="../panels.py" line="503" />
      <source>Body</source>
      <translation>正文</translation>
    </message>
    <message>
      <location filename="../panels.py" line="598" />
      <source>Edit %1</source>
      <translation>编辑%1</translation>
    </message>
    <message>
      <location filename="../panels.py" line="608" />
      <location filename="../panels.py" line="614" />
      <source>Paragraph style</source>
      <translation>段落样式</translation>
    </message>
    <message>
      <location filename="../panels.py" line="619" />
      <source>Select an article to edit its text.</source>
      <translation>选择一篇文章以编辑文字。</translation>
    </message>
    <message>
      <location filename="../panels.py" line="625" />
      <source>%1 characters</source>
      <translation>%1 字</translation>
    </message>
    <message>
      <location filename="../panels.py" line="627" />
      <source>overset %1</source>
      <translation>溢出 %1 字</translation>
    </message>
  </context>
  <context>
    <name>StyleEditor</name>
    <message>
      <location filename="../panels.py" line="661" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../panels.py" line="661" />
      <source>Size (pt or 号)</source>
      <translation>字号（磅或号）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="662" />
      <source>Leading</source>
      <translation>行距</translation>
    </message>
    <message>
      <location filename="../panels.py" line="662" />
      <source>Tracking (1/1000 em)</source>
      <translation>字距（1/1000 字）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="663" />
      <source>Horizontal scale</source>
      <translation>字宽（长扁）</translation>
    </message>
    <message>
      <location filename="../panels.py" line="663" />
      <source>Indent</source>
      <translation>首行缩进</translation>
    </message>
    <message>
      <location filename="../panels.py" line="664" />
      <source>Punctuation</source>
      <translation>标点类型</translation>
    </message>
    <message>
      <location filename="../panels.py" line="664" />
      <source>Alignment</source>
      <translation>对齐方式</translation>
    </message>
    <message>
      <location filename="../panels.py" line="665" />
      <source>Line breaking</source>
      <translation>避头尾</translation>
    </message>
    <message>
      <location filename="../panels.py" line="733" />
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