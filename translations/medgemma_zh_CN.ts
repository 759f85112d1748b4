<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QDialog</name>
    <message>
        <source>Left drag</source>
        <translation>左键拖动</translation>
    </message>
    <message>
        <source>Window / level</source>
        <translation>窗宽 / 窗位</translation>
    </message>
    <message>
        <source>Shift + left drag, middle drag</source>
        <translation>Shift + 左键拖动，中键拖动</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Right drag, Ctrl + wheel</source>
        <translation>右键拖动，Ctrl + 滚轮</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>滚轮</translation>
    </message>
    <message>
        <source>Next / previous image</source>
        <translation>下一幅 / 上一幅图像</translation>
    </message>
    <message>
        <source>Double click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Left drag with a Measure tool</source>
        <translation>使用测量工具左键拖动</translation>
    </message>
    <message>
        <source>Draw the measurement</source>
        <translation>绘制测量</translation>
    </message>
    <message>
        <source>Drag an annotation or its handles</source>
        <translation>拖动标注或其控制点</translation>
    </message>
    <message>
        <source>Select and move it</source>
        <translation>选中并移动</translation>
    </message>
    <message>
        <source>Drag a series from the browser</source>
        <translation>从浏览器拖动序列</translation>
    </message>
    <message>
        <source>Show it in that viewport</source>
        <translation>在该视口中显示</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys or mouse</source>
        <translation>按键或鼠标</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>About MedGemma Workstation</source>
        <translation>关于 MedGemma Workstation</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MedGemma Workstation&lt;/h3&gt;&lt;p&gt;Views DICOM and photographic studies and drafts reports with Google&apos;s open MedGemma model, running on this computer. No image or text leaves the machine.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;MedGemma is provided by Google under the Health AI Developer Foundations terms of use.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;MedGemma Workstation&lt;/h3&gt;&lt;p&gt;查看 DICOM 和照片检查，并使用 Google 开放的 MedGemma 模型起草报告，模型在本机运行。任何图像或文本都不会离开本机。&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;MedGemma 由 Google 依据 Health AI Developer Foundations 使用条款提供。&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <source>Window &amp;presets</source>
        <translation>窗宽窗位预设(&amp;P)</translation>
    </message>
    <message>
        <source>CT %1 (W %2, L %3)</source>
        <translation>CT %1（窗宽 %2，窗位 %3）</translation>
    </message>
    <message>
        <source>Window of the &amp;file, or automatic</source>
        <translation>文件中的窗宽窗位或自动(&amp;F)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>&amp;Windows in the file</source>
        <translation>文件中的窗宽窗位(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Next window in the file</source>
        <translation>文件中的下一组窗宽窗位(&amp;N)</translation>
    </message>
    <message>
        <source>Show overlay &amp;planes (60xx)</source>
        <translation>显示叠加平面（60xx）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Play or pause cine</source>
        <translation>播放或暂停电影回放(&amp;C)</translation>
    </message>
    <message>
        <source>Cine &amp;faster</source>
        <translation>电影回放加速(&amp;F)</translation>
    </message>
    <message>
        <source>Cine &amp;slower</source>
        <translation>电影回放减速(&amp;S)</translation>
    </message>
    <message>
        <source>Layout 1 × 1</source>
        <translation>布局 1 × 1</translation>
    </message>
    <message>
        <source>Layout 1 × 2</source>
        <translation>布局 1 × 2</translation>
    </message>
    <message>
        <source>Layout 2 × 2</source>
        <translation>布局 2 × 2</translation>
    </message>
    <message>
        <source>1×1</source>
        <translation>1×1</translation>
    </message>
    <message>
        <source>1×2</source>
        <translation>1×2</translation>
    </message>
    <message>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <source>Next &amp;viewport</source>
        <translation>下一个视口(&amp;V)</translation>
    </message>
    <message>
        <source>S&amp;ynchronised scrolling</source>
        <translation>同步滚动(&amp;Y)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Scroll viewports of the same orientation together. Series of one study follow by position; for a prior, align it first, then switch this on.</source>
        <translation>同方向的视口一起滚动。同一检查的序列按位置跟随；对于既往检查，请先对齐，再开启此项。</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <source>M&amp;easure</source>
        <translation>测量(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Window/level tool</source>
        <translation>窗宽/窗位工具(&amp;W)</translation>
    </message>
    <message>
        <source>W/L</source>
        <translation>窗宽/窗位</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>长度(&amp;L)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>&amp;Angle</source>
        <translation>角度(&amp;A)</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>&amp;Ellipse region</source>
        <translation>椭圆区域(&amp;E)</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>&amp;Rectangle region</source>
        <translation>矩形区域(&amp;R)</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Arro&amp;w</source>
        <translation>箭头(&amp;O)</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>&amp;Text note</source>
        <translation>文字注释(&amp;T)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>&amp;Delete selected annotation</source>
        <translation>删除选中的标注(&amp;D)</translation>
    </message>
    <message>
        <source>Viewer tools</source>
        <translation>查看器工具</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>图像(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open &amp;sample study</source>
        <translation>打开示例检查(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Close all studies</source>
        <translation>关闭所有检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;Z)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>重置视图(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>反色(&amp;I)</translation>
    </message>
    <message>
        <source>Rotate &amp;clockwise</source>
        <translation>顺时针旋转(&amp;C)</translation>
    </message>
    <message>
        <source>Flip &amp;horizontally</source>
        <translation>水平翻转(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;overlay text</source>
        <translation>显示叠加文字(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>下一幅图像(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>上一幅图像(&amp;P)</translation>
    </message>
    <message>
        <source>Study &amp;browser</source>
        <translation>检查浏览器(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Assistant and report</source>
        <translation>助手与报告(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Choose model folder…</source>
        <translation>选择模型文件夹(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Draft report</source>
        <translation>起草报告(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Stop drafting</source>
        <translation>停止起草(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Accept AI draft</source>
        <translation>接受 AI 草稿(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Mark image for the model</source>
        <translation>标记图像供模型使用(&amp;K)</translation>
    </message>
    <message>
        <source>Send &amp;whole series (sampled)</source>
        <translation>发送整个序列（抽样）(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;lear marked images</source>
        <translation>清除已标记图像(&amp;L)</translation>
    </message>
    <message>
        <source>Draw &amp;region for the model</source>
        <translation>为模型绘制区域(&amp;R)</translation>
    </message>
    <message>
        <source>Clear r&amp;egion</source>
        <translation>清除区域(&amp;E)</translation>
    </message>
    <message>
        <source>Model &amp;manager…</source>
        <translation>模型管理器(&amp;M)…</translation>
    </message>
    <message>
        <source>Edit prompt &amp;templates…</source>
        <translation>编辑提示模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Report &amp;drafting</source>
        <translation>报告起草(&amp;P)</translation>
    </message>
    <message>
        <source>Te&amp;xt assistant</source>
        <translation>文本助手(&amp;X)</translation>
    </message>
    <message>
        <source>Open &amp;health record…</source>
        <translation>打开健康记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;New report</source>
        <translation>新建报告(&amp;N)</translation>
    </message>
    <message>
        <source>Open &amp;report…</source>
        <translation>打开报告(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save report</source>
        <translation>保存报告(&amp;S)</translation>
    </message>
    <message>
        <source>Save report &amp;as…</source>
        <translation>报告另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;DICOM structured report…</source>
        <translation>DICOM 结构化报告(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>&amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;FHIR R4 (JSON)…</source>
        <translation>&amp;FHIR R4 (JSON)…</translation>
    </message>
    <message>
        <source>Plain &amp;text…</source>
        <translation>纯文本(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation>&amp;Markdown…</translation>
    </message>
    <message>
        <source>De-&amp;identify exports</source>
        <translation>导出时去标识化(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;Y)</translation>
    </message>
    <message>
        <source>Mark report &amp;final</source>
        <translation>将报告标记为终稿(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation>导出报告(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About MedGemma Workstation</source>
        <translation>关于 MedGemma Workstation(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo in the report</source>
        <translation>在报告中撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo in the report</source>
        <translation>在报告中重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find study…</source>
        <translation>查找检查(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>app::EngineDraftingService</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
</context>
<context>
    <name>app::HfModelCatalog</name>
    <message>
        <source>tokenizer.json is missing from this folder; drafting needs it.</source>
        <translation>此文件夹中缺少 tokenizer.json；起草需要该文件。</translation>
    </message>
</context>
<context>
    <name>app::InferenceWorker</name>
    <message>
        <source>Internal error: %1</source>
        <translation>内部错误：%1</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
</context>
<context>
    <name>app::cli::StudyDrafter</name>
    <message>
        <source>loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>encoding the images</source>
        <translation>正在编码图像</translation>
    </message>
    <message>
        <source>reading the prompt</source>
        <translation>正在读取提示词</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>正在撰写</translation>
    </message>
    <message>
        <source>there is no prompt template &apos;%1&apos;</source>
        <translation>不存在提示模板“%1”</translation>
    </message>
    <message>
        <source>preparing the images</source>
        <translation>正在准备图像</translation>
    </message>
    <message>
        <source>no image of the series could be prepared</source>
        <translation>该序列中没有任何图像可以准备</translation>
    </message>
    <message>
        <source>the study has no images</source>
        <translation>该检查没有图像</translation>
    </message>
    <message>
        <source>the draft was stopped</source>
        <translation>起草已停止</translation>
    </message>
    <message>
        <source>%1 cannot be created</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>no DICOM SR: the images are not DICOM</source>
        <translation>无法生成 DICOM SR：图像不是 DICOM 格式</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; has no request of its own; give --prompt</source>
        <translation>模板“%1”没有自己的请求；请提供 --prompt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Views DICOM and photographic studies and drafts reports with MedGemma. Research use only; not for diagnosis.</source>
        <translation>查看 DICOM 和照片检查，并使用 MedGemma 起草报告。仅供研究使用，不可用于诊断。</translation>
    </message>
    <message>
        <source>Open files or folders.</source>
        <translation>打开文件或文件夹。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Open the bundled sample study.</source>
        <translation>打开随附的示例检查。</translation>
    </message>
    <message>
        <source>More files or folders to open.</source>
        <translation>要打开的其他文件或文件夹。</translation>
    </message>
</context>
<context>
    <name>ui::AnnotationLayer</name>
    <message>
        <source>Text annotation</source>
        <translation>文字标注</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
</context>
<context>
    <name>ui::AnnotationStore</name>
    <message>
        <source>not an annotation file of this study</source>
        <translation>不是本检查的标注文件</translation>
    </message>
</context>
<context>
    <name>ui::AssistantPanel</name>
    <message>
        <source>Report draft</source>
        <translation>报告草稿</translation>
    </message>
    <message>
        <source>Text assistant</source>
        <translation>文本助手</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ui::CineControls</name>
    <message>
        <source> fps</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Cine rate in frames per second</source>
        <translation>电影回放速率（帧/秒）</translation>
    </message>
    <message>
        <source>Cine rate</source>
        <translation>电影回放速率</translation>
    </message>
    <message>
        <source>Pause cine</source>
        <translation>暂停电影回放</translation>
    </message>
    <message>
        <source>Play cine</source>
        <translation>播放电影回放</translation>
    </message>
</context>
<context>
    <name>ui::ConversationController</name>
    <message>
        <source>Write a question first.</source>
        <translation>请先输入问题。</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>(length limit reached)</source>
        <translation>（已达长度上限）</translation>
    </message>
    <message numerus="yes">
        <source>Answer complete: %n token(s). Check it before relying on it.</source>
        <translation>
            <numerusform>回答完成：%n 个词元。使用前请先核实。</numerusform>
        </translation>
    </message>
    <message>
        <source>(failed: %1)</source>
        <translation>（失败：%1）</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>回答失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>FHIR, %n resource(s) summarised</source>
        <translation>
            <numerusform>FHIR，已汇总 %n 个资源</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Record: %1 (%2) — sent with the next message</source>
        <translation>记录：%1（%2）— 将随下一条消息发送</translation>
    </message>
    <message>
        <source>Open a health record</source>
        <translation>打开健康记录</translation>
    </message>
    <message>
        <source>Health records (*.txt *.json);;Text (*.txt);;FHIR JSON (*.json)</source>
        <translation>健康记录 (*.txt *.json);;文本 (*.txt);;FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <source>In this conversation: %1. Open another record to add it to the next message.</source>
        <translation>本次对话中：%1。打开另一份记录，可将其添加到下一条消息。</translation>
    </message>
</context>
<context>
    <name>ui::ConversationPanel</name>
    <message>
        <source>Text task</source>
        <translation>文本任务</translation>
    </message>
    <message>
        <source>Answer language</source>
        <translation>回答语言</translation>
    </message>
    <message>
        <source>Open record…</source>
        <translation>打开记录…</translation>
    </message>
    <message>
        <source>Attach a health record: a text file or a FHIR JSON file (Ctrl+Shift+H)</source>
        <translation>附加健康记录：文本文件或 FHIR JSON 文件（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Ask MedGemma (Ctrl+Return sends). Paste record text here too.</source>
        <translation>向 MedGemma 提问（Ctrl+Return 发送）。也可在此粘贴记录文本。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Answer in:</source>
        <translation>回答语言：</translation>
    </message>
    <message>
        <source>No health record attached.</source>
        <translation>未附加健康记录。</translation>
    </message>
</context>
<context>
    <name>ui::ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Ask a medical question, or open a health record (.txt or FHIR .json) and ask about it. MedGemma&apos;s answers appear here.</source>
        <translation>提出医学问题，或打开健康记录（.txt 或 FHIR .json）并就其提问。MedGemma 的回答将显示在这里。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Health record attached: %1</source>
        <translation>已附加健康记录：%1</translation>
    </message>
    <message>
        <source>MedGemma</source>
        <translation>MedGemma</translation>
    </message>
</context>
<context>
    <name>ui::DicomText</name>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>No pixel spacing</source>
        <translation>无像素间距</translation>
    </message>
    <message>
        <source>Pixel Spacing</source>
        <translation>Pixel Spacing</translation>
    </message>
    <message>
        <source>detector, not calibrated</source>
        <translation>探测器，未校准</translation>
    </message>
    <message>
        <source>nominal scanned</source>
        <translation>标称扫描</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>已校准</translation>
    </message>
    <message>
        <source>%1 × %2 mm (%3)</source>
        <translation>%1 × %2 mm（%3）</translation>
    </message>
</context>
<context>
    <name>ui::DraftController</name>
    <message>
        <source>Write what MedGemma should do first.</source>
        <translation>请先写明 MedGemma 要做什么。</translation>
    </message>
    <message>
        <source>Preparing the images…</source>
        <translation>正在准备图像…</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>正在起草…</translation>
    </message>
    <message>
        <source>Drafting stopped before it started.</source>
        <translation>起草在开始前已停止。</translation>
    </message>
    <message numerus="yes">
        <source>Draft complete: %n token(s). Review it before use.</source>
        <translation>
            <numerusform>草稿完成：%n 个词元。使用前请审阅。</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft reached the length limit and may be cut short.</source>
        <translation>草稿已达长度上限，可能不完整。</translation>
    </message>
    <message>
        <source>Drafting stopped; the text so far is kept.</source>
        <translation>起草已停止；已生成的文本予以保留。</translation>
    </message>
    <message>
        <source>Drafting failed: %1</source>
        <translation>起草失败：%1</translation>
    </message>
</context>
<context>
    <name>ui::DraftProgress</name>
    <message>
        <source>Model progress</source>
        <translation>模型进度</translation>
    </message>
</context>
<context>
    <name>ui::HealthRecord</name>
    <message>
        <source>larger than 32 MB</source>
        <translation>大于 32 MB</translation>
    </message>
</context>
<context>
    <name>ui::ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>图像查看器</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
</context>
<context>
    <name>ui::InputStrip</name>
    <message>
        <source>&lt;b&gt;What the model sees&lt;/b&gt;</source>
        <translation>&lt;b&gt;模型看到的内容&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Images sent to the model</source>
        <translation>发送给模型的图像</translation>
    </message>
    <message>
        <source>Remove from the model&apos;s images</source>
        <translation>从模型图像中移除</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>图像 %1</translation>
    </message>
    <message>
        <source>%1
%2 × %3 px RGB
%4</source>
        <translation>%1
%2 × %3 像素 RGB
%4</translation>
    </message>
    <message>
        <source>the image on screen</source>
        <translation>屏幕上的图像</translation>
    </message>
    <message numerus="yes">
        <source>%n marked</source>
        <translation>
            <numerusform>已标记 %n 幅</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;What the model sees&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;模型看到的内容&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>Preparing the images… %p%</source>
        <translation>正在准备图像… %p%</translation>
    </message>
    <message>
        <source>The request does not fit the model&apos;s context: send fewer images or a shorter answer.</source>
        <translation>请求超出模型的上下文长度：请减少图像或缩短回答。</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>MedGemma Workstation</source>
        <translation>MedGemma Workstation</translation>
    </message>
    <message>
        <source>Open a study: File ▸ Open files (Ctrl+O), File ▸ Open folder, drag files or folders here, or File ▸ Open sample study.</source>
        <translation>打开检查：文件 ▸ 打开文件（Ctrl+O）、文件 ▸ 打开文件夹、将文件或文件夹拖到此处，或文件 ▸ 打开示例检查。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Drafting failed</source>
        <translation>起草失败</translation>
    </message>
    <message>
        <source>%1

The report text is unchanged.</source>
        <translation>%1

报告文本未更改。</translation>
    </message>
    <message>
        <source>Measurements could not be saved to %1: %2</source>
        <translation>无法将测量结果保存到 %1：%2</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>打开已取消</translation>
    </message>
    <message numerus="yes">
        <source>Opening %n item(s)…</source>
        <translation>
            <numerusform>正在打开 %n 项…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample study</source>
        <translation>示例检查</translation>
    </message>
    <message>
        <source>The sample study was not found at %1. Reinstall the application or build it again.</source>
        <translation>在 %1 未找到示例检查。请重新安装或重新构建本应用程序。</translation>
    </message>
    <message numerus="yes">
        <source>%n image file(s) open</source>
        <translation>
            <numerusform>已打开 %n 个图像文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read; the rest is open.</source>
        <translation>
            <numerusform>%n 个文件无法读取；其余文件已打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing could be opened</source>
        <translation>无法打开任何内容</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.dcm *.DCM *.dicom *.ima *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp DICOMDIR *.zip);;All files (*)</source>
        <translation>图像 (*.dcm *.DCM *.dicom *.ima *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp DICOMDIR *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Clear recent</source>
        <translation>清除最近打开记录</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used the next time the workstation starts.</source>
        <translation>新语言将在下次启动工作站时生效。</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
</context>
<context>
    <name>ui::Measurement</name>
    <message>
        <source>at detector</source>
        <translation>探测器平面</translation>
    </message>
    <message>
        <source>nominal</source>
        <translation>标称</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>已校准</translation>
    </message>
    <message>
        <source>Area %1 px²</source>
        <translation>面积 %1 像素²</translation>
    </message>
    <message>
        <source>Area %1 cm²</source>
        <translation>面积 %1 cm²</translation>
    </message>
    <message>
        <source>Area %1 mm²</source>
        <translation>面积 %1 mm²</translation>
    </message>
    <message>
        <source>Mean %1  SD %2</source>
        <translation>均值 %1  标准差 %2</translation>
    </message>
    <message>
        <source>Min %1  Max %2</source>
        <translation>最小 %1  最大 %2</translation>
    </message>
    <message>
        <source>HU</source>
        <translation>HU</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
</context>
<context>
    <name>ui::ModelController</name>
    <message>
        <source>Choose the MedGemma model folder (with config.json and *.safetensors)</source>
        <translation>选择 MedGemma 模型文件夹（包含 config.json 和 *.safetensors）</translation>
    </message>
</context>
<context>
    <name>ui::ModelInputs</name>
    <message>
        <source>%1 #%2, image %3 of %4</source>
        <translation>%1 #%2，第 %3 幅，共 %4 幅</translation>
    </message>
</context>
<context>
    <name>ui::ModelManager</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Needs about %1 (weights %2 + KV cache %3 for %4 tokens + working memory %5).</source>
        <translation>约需 %1（权重 %2 + %4 个词元的 KV 缓存 %3 + 工作内存 %5）。</translation>
    </message>
    <message>
        <source>%1 of memory (RAM) free now.</source>
        <translation>当前可用内存（RAM）%1。</translation>
    </message>
    <message>
        <source>The free memory could not be read.</source>
        <translation>无法读取可用内存。</translation>
    </message>
    <message>
        <source>%1 free on the GPU.</source>
        <translation>GPU 可用 %1。</translation>
    </message>
    <message>
        <source>GPU memory not reported.</source>
        <translation>未报告 GPU 内存。</translation>
    </message>
    <message>
        <source>This is more than is free: choose bfloat16, or close other programs.</source>
        <translation>超出可用内存：请选择 bfloat16，或关闭其他程序。</translation>
    </message>
    <message>
        <source>This is more than is free: close other programs, or choose a smaller model such as MedGemma 4B.</source>
        <translation>超出可用内存：请关闭其他程序，或选择较小的模型，例如 MedGemma 4B。</translation>
    </message>
    <message>
        <source>Hugging Face cache: %1</source>
        <translation>Hugging Face 缓存：%1</translation>
    </message>
    <message>
        <source>Chosen folder</source>
        <translation>所选文件夹</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No MedGemma model was found&lt;/h3&gt;&lt;p&gt;Viewing works without one; drafting and the text assistant need MedGemma.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Sign in at &lt;b&gt;huggingface.co&lt;/b&gt; and open &lt;b&gt;google/medgemma-4b-it&lt;/b&gt; (or google/medgemma-1.5-4b-it).&lt;/li&gt;&lt;li&gt;Accept the &lt;b&gt;Health AI Developer Foundations&lt;/b&gt; terms of use on that page (access is granted at once).&lt;/li&gt;&lt;li&gt;Download the whole model (about 8.6 GB), e.g. with &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt; after &lt;tt&gt;hf auth login&lt;/tt&gt;.&lt;/li&gt;&lt;li&gt;Come back here and press &lt;b&gt;Search again&lt;/b&gt;: models in the Hugging Face cache (&lt;tt&gt;%1&lt;/tt&gt;) are found automatically. A copy elsewhere can be chosen with &lt;b&gt;Choose folder…&lt;/b&gt; (the folder with config.json and the .safetensors files).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The model runs on this computer; nothing is sent anywhere. Research use only, not for diagnosis.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;未找到 MedGemma 模型&lt;/h3&gt;&lt;p&gt;无需模型即可查看图像；起草和文本助手需要 MedGemma。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;登录 &lt;b&gt;huggingface.co&lt;/b&gt;，打开 &lt;b&gt;google/medgemma-4b-it&lt;/b&gt;（或 google/medgemma-1.5-4b-it）。&lt;/li&gt;&lt;li&gt;在该页面接受 &lt;b&gt;Health AI Developer Foundations&lt;/b&gt; 使用条款（立即获得访问权限）。&lt;/li&gt;&lt;li&gt;下载完整模型（约 8.6 GB），例如先运行 &lt;tt&gt;hf auth login&lt;/tt&gt;，再运行 &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt;。&lt;/li&gt;&lt;li&gt;回到此处并点击&lt;b&gt;重新搜索&lt;/b&gt;：Hugging Face 缓存（&lt;tt&gt;%1&lt;/tt&gt;）中的模型会被自动找到。其他位置的副本可通过&lt;b&gt;选择文件夹…&lt;/b&gt;选择（即包含 config.json 和 .safetensors 文件的文件夹）。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;模型在本机运行，不会向任何地方发送数据。仅供研究使用，不可用于诊断。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This is more than the GPU has free: choose the CPU, or a smaller model.</source>
        <translation>超出 GPU 可用内存：请选择 CPU，或较小的模型。</translation>
    </message>
    <message>
        <source>This is more than is free: choose int8 or int4 weights, or close other programs.</source>
        <translation>这超过了当前可用内存：请选择 int8 或 int4 权重，或关闭其他程序。</translation>
    </message>
    <message>
        <source>On the GPU, CUDA itself takes about %1 more.</source>
        <translation>在 GPU 上，CUDA 本身还要占用约 %1。</translation>
    </message>
</context>
<context>
    <name>ui::ModelManagerDialog</name>
    <message>
        <source>Model manager</source>
        <translation>模型管理器</translation>
    </message>
    <message>
        <source>Looking for models in the Hugging Face cache…</source>
        <translation>正在 Hugging Face 缓存中查找模型…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>重新搜索</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <source>Memory (bfloat16)</source>
        <translation>内存（bfloat16）</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>bfloat16 (recommended: half the memory, fast on recent CPUs)</source>
        <translation>bfloat16（推荐：内存减半，在较新的 CPU 上速度快）</translation>
    </message>
    <message>
        <source>float32 (for checking results; twice the memory)</source>
        <translation>float32（用于核对结果；内存加倍）</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消加载</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Choose the MedGemma model folder (with config.json and *.safetensors)</source>
        <translation>选择 MedGemma 模型文件夹（包含 config.json 和 *.safetensors）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>%1 (cannot be used)</source>
        <translation>%1（无法使用）</translation>
    </message>
    <message>
        <source>%1 — %2, %3, context up to %4 tokens.
%5</source>
        <translation>%1 — %2，%3，上下文最多 %4 个词元。
%5</translation>
    </message>
    <message>
        <source>images and text (%1 tokens per image)</source>
        <translation>图像和文本（每幅图像 %1 个词元）</translation>
    </message>
    <message>
        <source>text only</source>
        <translation>仅文本</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>正在加载 %1 …</translation>
    </message>
    <message>
        <source>Ready: %1</source>
        <translation>就绪：%1</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>int8 weights (about half the memory; quantized at the first load)</source>
        <translation>int8 权重（约一半内存；首次加载时量化）</translation>
    </message>
    <message>
        <source>int4 weights (about a third of the memory, slightly less exact; quantized at the first load)</source>
        <translation>int4 权重（约三分之一内存，精度略低；首次加载时量化）</translation>
    </message>
</context>
<context>
    <name>ui::ModelNotice</name>
    <message>
        <source>&lt;b&gt;No MedGemma model is selected.&lt;/b&gt; Viewing works; drafting is off until a model is chosen.&lt;br&gt;To get one: sign in to Hugging Face, open &lt;i&gt;google/medgemma-4b-it&lt;/i&gt;, accept the Health AI Developer Foundations terms, and download the whole folder (about 8.6 GB), e.g. with &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt;. Models in the Hugging Face cache are found automatically in &lt;b&gt;Model ▸ Model manager…&lt;/b&gt; (Ctrl+Shift+M) — &lt;a href=&quot;choose-model&quot;&gt;open it now&lt;/a&gt;; a copy elsewhere can be chosen there or with Model ▸ Choose model folder… (Ctrl+M).</source>
        <translation>&lt;b&gt;未选择 MedGemma 模型。&lt;/b&gt;可以查看图像；选择模型之前无法起草。&lt;br&gt;获取方法：登录 Hugging Face，打开 &lt;i&gt;google/medgemma-4b-it&lt;/i&gt;，接受 Health AI Developer Foundations 条款，并下载整个文件夹（约 8.6 GB），例如使用 &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt;。Hugging Face 缓存中的模型会在&lt;b&gt;模型 ▸ 模型管理器…&lt;/b&gt;（Ctrl+Shift+M）中自动找到 — &lt;a href=&quot;choose-model&quot;&gt;立即打开&lt;/a&gt;；其他位置的副本可在其中选择，或通过模型 ▸ 选择模型文件夹…（Ctrl+M）选择。</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>正在加载 %1 …</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;&lt;a href=&quot;choose-model&quot;&gt;Open the model manager&lt;/a&gt;</source>
        <translation>&lt;b&gt;无法加载模型。&lt;/b&gt;%1&lt;br&gt;&lt;a href=&quot;choose-model&quot;&gt;打开模型管理器&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>ui::PromptPanel</name>
    <message>
        <source>Task template</source>
        <translation>任务模板</translation>
    </message>
    <message>
        <source>What should MedGemma do with the selected images?</source>
        <translation>MedGemma 应如何处理所选图像？</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit, add or restore prompt templates</source>
        <translation>编辑、添加或恢复提示模板</translation>
    </message>
    <message>
        <source>Answer language</source>
        <translation>回答语言</translation>
    </message>
    <message>
        <source>e.g. cough and fever for 3 days</source>
        <translation>例如：咳嗽、发热 3 天</translation>
    </message>
    <message>
        <source>Clinical indication</source>
        <translation>临床指征</translation>
    </message>
    <message>
        <source>e.g. chest X-ray of 2024-03-02</source>
        <translation>例如：2024-03-02 的胸部 X 线片</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Draft report</source>
        <translation>起草报告</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the draft now (Esc)</source>
        <translation>立即停止起草（Esc）</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Indication:</source>
        <translation>指征：</translation>
    </message>
    <message>
        <source>Comparison:</source>
        <translation>对比：</translation>
    </message>
    <message>
        <source>Answer in:</source>
        <translation>回答语言：</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <translation>%1（已编辑）</translation>
    </message>
    <message>
        <source>Ask a medical question.</source>
        <translation>提出医学问题。</translation>
    </message>
    <message>
        <source>Send the selected images and the prompt to MedGemma (Ctrl+Return)</source>
        <translation>将所选图像和提示词发送给 MedGemma（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Drafting needs a MedGemma model: Model ▸ Model manager… (Ctrl+Shift+M)</source>
        <translation>起草需要 MedGemma 模型：模型 ▸ 模型管理器…（Ctrl+Shift+M）</translation>
    </message>
</context>
<context>
    <name>ui::PromptTemplates</name>
    <message>
        <source>Chest X-ray report</source>
        <translation>胸部 X 线报告</translation>
    </message>
    <message>
        <source>Chest X-ray comparison (prior, then current)</source>
        <translation>胸部 X 线对比（先既往，后当前）</translation>
    </message>
    <message>
        <source>CT report</source>
        <translation>CT 报告</translation>
    </message>
    <message>
        <source>MR report</source>
        <translation>MR 报告</translation>
    </message>
    <message>
        <source>Dermatology description</source>
        <translation>皮肤科描述</translation>
    </message>
    <message>
        <source>Fundus photograph</source>
        <translation>眼底照片</translation>
    </message>
    <message>
        <source>Histopathology patch</source>
        <translation>组织病理图块</translation>
    </message>
    <message>
        <source>Free question about the images</source>
        <translation>关于图像的自由提问</translation>
    </message>
    <message>
        <source>Medical question (text only)</source>
        <translation>医学问题（仅文本）</translation>
    </message>
    <message>
        <source>Health-record text analysis</source>
        <translation>健康记录文本分析</translation>
    </message>
</context>
<context>
    <name>ui::RecoveryDialog</name>
    <message>
        <source>Restore unsaved report</source>
        <translation>恢复未保存的报告</translation>
    </message>
    <message>
        <source>Beginning of the unsaved report</source>
        <translation>未保存报告的开头</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>稍后决定(&amp;L)</translation>
    </message>
    <message>
        <source>A report was not saved when the workstation last ended (it was closed or stopped unexpectedly). It was last written at %1.</source>
        <translation>工作站上次结束时（被关闭或意外停止）有一份报告未保存。最后写入时间为 %1。</translation>
    </message>
    <message>
        <source>Patient: %1  Study: %2 %3</source>
        <translation>患者：%1  检查：%2 %3</translation>
    </message>
    <message numerus="yes">
        <source>Status: %1, %n AI draft(s)</source>
        <translation>
            <numerusform>状态：%1，%n 份 AI 草稿</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more unsaved report(s) will be offered after this one.</source>
        <translation>
            <numerusform>此后还将提供另外 %n 份未保存的报告。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::RegionOverlay</name>
    <message>
        <source>Model region %1 × %2 px</source>
        <translation>模型区域 %1 × %2 像素</translation>
    </message>
    <message>
        <source>Drag a rectangle for the model (Esc cancels)</source>
        <translation>为模型拖出一个矩形（Esc 取消）</translation>
    </message>
    <message>
        <source>Marked for the model</source>
        <translation>已标记供模型使用</translation>
    </message>
</context>
<context>
    <name>ui::ReportController</name>
    <message>
        <source>The unsaved report was restored.</source>
        <translation>未保存的报告已恢复。</translation>
    </message>
    <message>
        <source>Replace the report</source>
        <translation>替换报告</translation>
    </message>
    <message>
        <source>The open report has changes that are not saved. Replace it anyway?</source>
        <translation>当前打开的报告有未保存的更改。仍要替换吗？</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>Reports (*.report.json *.json)</source>
        <translation>报告 (*.report.json *.json)</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Reports (*.report.json)</source>
        <translation>报告 (*.report.json)</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <source>Export de-identified report</source>
        <translation>导出去标识化报告</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Report exported to %1</source>
        <translation>报告已导出到 %1</translation>
    </message>
    <message>
        <source>Report copied</source>
        <translation>报告已复制</translation>
    </message>
    <message>
        <source>Report marked final.</source>
        <translation>报告已标记为终稿。</translation>
    </message>
</context>
<context>
    <name>ui::ReportDocument</name>
    <message>
        <source>Imaging report</source>
        <translation>影像报告</translation>
    </message>
</context>
<context>
    <name>ui::ReportEditor</name>
    <message>
        <source>The report. Draft it with MedGemma or type it here.</source>
        <translation>报告。可用 MedGemma 起草，或直接在此输入。</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
</context>
<context>
    <name>ui::ReportExport</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ui::ReportJson</name>
    <message>
        <source>This is not a MedGemma Workstation report.</source>
        <translation>这不是 MedGemma Workstation 报告。</translation>
    </message>
    <message>
        <source>The report was saved by a newer version of the workstation.</source>
        <translation>该报告由较新版本的工作站保存。</translation>
    </message>
    <message>
        <source>The report file is damaged: %1</source>
        <translation>报告文件已损坏：%1</translation>
    </message>
</context>
<context>
    <name>ui::ReportPdf</name>
    <message>
        <source> (region %1×%2 px)</source>
        <translation>（区域 %1×%2 像素）</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>关键图像</translation>
    </message>
    <message>
        <source>Changes from the AI draft</source>
        <translation>相对 AI 草稿的修改</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) added, </source>
        <translation>
            <numerusform>新增 %n 个词，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed, </source>
        <translation>
            <numerusform>删除 %n 个，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept.</source>
        <translation>
            <numerusform>保留 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>How this draft was made</source>
        <translation>本草稿的生成方式</translation>
    </message>
    <message>
        <source>written without AI</source>
        <translation>未使用 AI 撰写</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>AI draft by %1, weights SHA-256 %2</source>
        <translation>AI 草稿由 %1 生成，权重 SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 · %2 · page %3 of %4</source>
        <translation>%1 · %2 · 第 %3 页，共 %4 页</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>ui::ReportProvenance</name>
    <message>
        <source>unknown model</source>
        <translation>未知模型</translation>
    </message>
    <message>
        <source>Model: %1%2, %3 on %4</source>
        <translation>模型：%1%2，%3，运行于 %4</translation>
    </message>
    <message>
        <source>greedy (temperature 0)</source>
        <translation>贪心（温度 0）</translation>
    </message>
    <message>
        <source>temperature %1, top-k %2, top-p %3, min-p %4</source>
        <translation>温度 %1，top-k %2，top-p %3，min-p %4</translation>
    </message>
    <message>
        <source>Sampling: %1, repetition penalty %2, seed %3, at most %4 new tokens</source>
        <translation>采样：%1，重复惩罚 %2，随机种子 %3，最多 %4 个新词元</translation>
    </message>
    <message>
        <source>Weights: %1 (%2 bytes) SHA-256 %3</source>
        <translation>权重：%1（%2 字节）SHA-256 %3</translation>
    </message>
    <message>
        <source>not yet computed</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>Input: %1, SOP Instance UID %2, frame %3</source>
        <translation>输入：%1，SOP Instance UID %2，帧 %3</translation>
    </message>
    <message>
        <source>, region x %1 y %2 %3×%4 px</source>
        <translation>，区域 x %1 y %2 %3×%4 像素</translation>
    </message>
    <message>
        <source>Prompt template: %1</source>
        <translation>提示模板：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Drafted %1 – %2 by MedGemma Workstation %3</source>
        <translation>由 MedGemma Workstation %3 于 %1 – %2 起草</translation>
    </message>
</context>
<context>
    <name>ui::ReportSections</name>
    <message>
        <source>Findings</source>
        <translation>影像所见</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>印象</translation>
    </message>
</context>
<context>
    <name>ui::ReportSr</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>The report is not linked to a DICOM study; draft it from DICOM images to export a structured report.</source>
        <translation>该报告未关联 DICOM 检查；请基于 DICOM 图像起草，才能导出结构化报告。</translation>
    </message>
</context>
<context>
    <name>ui::ReportText</name>
    <message>
        <source>Draft %1 of %2</source>
        <translation>草稿 %1/%2</translation>
    </message>
    <message>
        <source>Prompt as the model read it (each &lt;start_of_image&gt; is one image):</source>
        <translation>模型读取的提示词（每个 &lt;start_of_image&gt; 代表一幅图像）：</translation>
    </message>
    <message>
        <source>Study Instance UID: %1</source>
        <translation>Study Instance UID：%1</translation>
    </message>
    <message>
        <source>Written by the clinician; no AI draft was used.</source>
        <translation>由临床医生撰写；未使用 AI 草稿。</translation>
    </message>
    <message>
        <source>AI generated draft, reviewed and marked final by the clinician.</source>
        <translation>AI 生成的草稿，已由临床医生审阅并标记为终稿。</translation>
    </message>
    <message>
        <source>AI generated, requires review by a qualified clinician.</source>
        <translation>AI 生成，需经有资质的临床医生审阅。</translation>
    </message>
    <message>
        <source>Research use only — not for diagnosis. AI drafts can be wrong and must be reviewed by a qualified clinician.</source>
        <translation>仅供研究使用 — 不可用于诊断。AI 草稿可能有误，必须由有资质的临床医生审阅。</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>AI 草稿</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>终稿</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <source>Referring</source>
        <translation>申请医生</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源信息</translation>
    </message>
    <message>
        <source>Study UID</source>
        <translation>检查 UID</translation>
    </message>
</context>
<context>
    <name>ui::RequestRunner</name>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Reading the images…</source>
        <translation>正在读取图像…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>正在读取提示词…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
</context>
<context>
    <name>ui::SamplingPanel</name>
    <message>
        <source>Advanced sampling settings</source>
        <translation>高级采样设置</translation>
    </message>
    <message>
        <source>0 chooses the most likely word every time (greedy): the same images and prompt give the same draft.</source>
        <translation>0 表示每次都选择最可能的词（贪心）：相同的图像和提示词会生成相同的草稿。</translation>
    </message>
    <message>
        <source>Sample only among the k most likely tokens (0 = no limit).</source>
        <translation>仅在最可能的 k 个词元中采样（0 = 不限制）。</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k：</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <source>Min-p:</source>
        <translation>Min-p：</translation>
    </message>
    <message>
        <source>Repetition penalty:</source>
        <translation>重复惩罚：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation>最长回答：</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>温度 %1</translation>
    </message>
    <message>
        <source>Advanced settings: %1, answers up to %2 tokens</source>
        <translation>高级设置：%1，回答最多 %2 个词元</translation>
    </message>
</context>
<context>
    <name>ui::SeriesViewer</name>
    <message>
        <source>Slice</source>
        <translation>层面</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>出生 %1</translation>
    </message>
    <message>
        <source>Sex %1</source>
        <translation>性别 %1</translation>
    </message>
    <message>
        <source>Image %1 / %2</source>
        <translation>图像 %1 / %2</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>帧 %1 / %2</translation>
    </message>
    <message>
        <source>Location %1 mm</source>
        <translation>位置 %1 mm</translation>
    </message>
    <message>
        <source>Photographs — no patient data</source>
        <translation>照片 — 无患者信息</translation>
    </message>
</context>
<context>
    <name>ui::StudyBrowser</name>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>序列 %1</translation>
    </message>
    <message>
        <source>Filter by patient, study, series or modality</source>
        <translation>按患者、检查、序列或模态筛选</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Study browser</source>
        <translation>检查浏览器</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent studies&lt;/b&gt; — click to open again</source>
        <translation>&lt;b&gt;最近的检查&lt;/b&gt; — 单击可再次打开</translation>
    </message>
    <message>
        <source>Recent studies</source>
        <translation>最近的检查</translation>
    </message>
    <message>
        <source>Photographs — no patient data</source>
        <translation>照片 — 无患者信息</translation>
    </message>
</context>
<context>
    <name>ui::TemplateEditorDialog</name>
    <message>
        <source>Prompt templates</source>
        <translation>提示模板</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Restore built-in</source>
        <translation>恢复内置模板</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>None: the MedGemma 1.5 recipes send no system prompt.</source>
        <translation>无：MedGemma 1.5 的配方不发送系统提示词。</translation>
    </message>
    <message>
        <source>No images (text only)</source>
        <translation>无图像（仅文本）</translation>
    </message>
    <message>
        <source>Images, then the request</source>
        <translation>先图像，后请求</translation>
    </message>
    <message>
        <source>Text, then the images</source>
        <translation>先文本，后图像</translation>
    </message>
    <message>
        <source>Slices labelled SLICE 1, 2, …, then the request</source>
        <translation>标注为 SLICE 1、2、… 的层面，然后是请求</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>系统提示词：</translation>
    </message>
    <message>
        <source>Text before the images:</source>
        <translation>图像前的文本：</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Image order:</source>
        <translation>图像顺序：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <translation>%1（已编辑）</translation>
    </message>
    <message>
        <source>built-in, edited</source>
        <translation>内置，已编辑</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Give the template a name first.</source>
        <translation>请先为模板命名。</translation>
    </message>
    <message>
        <source>The templates could not be saved to %1: %2</source>
        <translation>无法将模板保存到 %1：%2</translation>
    </message>
    <message>
        <source>Save the changes to the template “%1”?</source>
        <translation>保存对模板“%1”的更改？</translation>
    </message>
</context>
<context>
    <name>ui::TemplateFollower</name>
    <message>
        <source>Task template: %1, as chosen for this patient</source>
        <translation>任务模板：%1（为此患者所选）</translation>
    </message>
    <message>
        <source>Task template: %1, for the %2 images</source>
        <translation>任务模板：%1（适用于 %2 图像）</translation>
    </message>
</context>
<context>
    <name>ui::TokenBudget</name>
    <message>
        <source>Images: %1 · load a model to see the token budget</source>
        <translation>图像：%1 · 加载模型后可查看词元预算</translation>
    </message>
    <message>
        <source>Images: %1 × %2 = %3 tokens</source>
        <translation>图像：%1 × %2 = %3 个词元</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>%1 · prompt %2 + answer ≤ %3 = %4 of %5 tokens</source>
        <translation>%1 · 提示词 %2 + 回答 ≤ %3 = %4 / %5 个词元</translation>
    </message>
</context>
<context>
    <name>ui::ViewerController</name>
    <message>
        <source>Synchronised scrolling on</source>
        <translation>同步滚动已开启</translation>
    </message>
    <message>
        <source>Synchronised scrolling off</source>
        <translation>同步滚动已关闭</translation>
    </message>
    <message>
        <source>Cine %1 frames per second</source>
        <translation>电影回放 %1 帧/秒</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>无法显示此图像：%1</translation>
    </message>
</context>
<context>
    <name>ui::ViewerGrid</name>
    <message>
        <source>Drag a series here from the browser, or click here and choose one there.</source>
        <translation>从浏览器将序列拖到此处，或单击此处后在浏览器中选择一个序列。</translation>
    </message>
</context>
<context>
    <name>ui::WindowLevelController</name>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1（窗宽 %2，窗位 %3）</translation>
    </message>
    <message>
        <source>(none in this image)</source>
        <translation>（此图像中没有）</translation>
    </message>
</context>
<context>
    <name>ui::WindowPresets</name>
    <message>
        <source>Lung</source>
        <translation>肺窗</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>纵隔窗</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>腹部窗</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝脏窗</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨窗</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脑窗</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>窗宽窗位 %1</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>File default</source>
        <translation>文件默认</translation>
    </message>
</context>
</TS>
