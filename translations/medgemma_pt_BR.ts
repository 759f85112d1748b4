<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>QDialog</name>
    <message>
        <source>Left drag</source>
        <translation>Arrastar com o botão esquerdo</translation>
    </message>
    <message>
        <source>Window / level</source>
        <translation>Janela / nível</translation>
    </message>
    <message>
        <source>Shift + left drag, middle drag</source>
        <translation>Shift + arrastar com o botão esquerdo, arrastar com o botão do meio</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Deslocar</translation>
    </message>
    <message>
        <source>Right drag, Ctrl + wheel</source>
        <translation>Arrastar com o botão direito, Ctrl + roda</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>Roda do mouse</translation>
    </message>
    <message>
        <source>Next / previous image</source>
        <translation>Imagem seguinte / anterior</translation>
    </message>
    <message>
        <source>Double click</source>
        <translation>Clique duplo</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajustar à janela</translation>
    </message>
    <message>
        <source>Left drag with a Measure tool</source>
        <translation>Arrastar com o botão esquerdo usando uma ferramenta de medição</translation>
    </message>
    <message>
        <source>Draw the measurement</source>
        <translation>Desenhar a medição</translation>
    </message>
    <message>
        <source>Drag an annotation or its handles</source>
        <translation>Arrastar uma anotação ou suas alças</translation>
    </message>
    <message>
        <source>Select and move it</source>
        <translation>Selecioná-la e movê-la</translation>
    </message>
    <message>
        <source>Drag a series from the browser</source>
        <translation>Arrastar uma série do navegador</translation>
    </message>
    <message>
        <source>Show it in that viewport</source>
        <translation>Exibi-la nesse quadro</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Keys or mouse</source>
        <translation>Teclas ou mouse</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>About MedGemma Workstation</source>
        <translation>Sobre o MedGemma Workstation</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MedGemma Workstation&lt;/h3&gt;&lt;p&gt;Views DICOM and photographic studies and drafts reports with Google&apos;s open MedGemma model, running on this computer. No image or text leaves the machine.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;MedGemma is provided by Google under the Health AI Developer Foundations terms of use.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;MedGemma Workstation&lt;/h3&gt;&lt;p&gt;Exibe estudos DICOM e fotográficos e redige rascunhos de laudos com o modelo aberto MedGemma do Google, executado neste computador. Nenhuma imagem ou texto sai da máquina.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;O MedGemma é fornecido pelo Google sob os termos de uso do Health AI Developer Foundations.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
</context>
<context>
    <name>QMainWindow</name>
    <message>
        <source>Window &amp;presets</source>
        <translation>&amp;Predefinições de janela</translation>
    </message>
    <message>
        <source>CT %1 (W %2, L %3)</source>
        <translation>TC %1 (J %2, N %3)</translation>
    </message>
    <message>
        <source>Window of the &amp;file, or automatic</source>
        <translation>Janela do &amp;arquivo ou automática</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Padrão</translation>
    </message>
    <message>
        <source>&amp;Windows in the file</source>
        <translation>&amp;Janelas do arquivo</translation>
    </message>
    <message>
        <source>&amp;Next window in the file</source>
        <translation>Próxima janela do arqui&amp;vo</translation>
    </message>
    <message>
        <source>Show overlay &amp;planes (60xx)</source>
        <translation>Mostrar planos de &amp;overlay (60xx)</translation>
    </message>
    <message>
        <source>&amp;Play or pause cine</source>
        <translation>Reproduzir ou pausar &amp;cine</translation>
    </message>
    <message>
        <source>Cine &amp;faster</source>
        <translation>Cine mais &amp;rápido</translation>
    </message>
    <message>
        <source>Cine &amp;slower</source>
        <translation>Cine mais &amp;lento</translation>
    </message>
    <message>
        <source>Layout 1 × 1</source>
        <translation>Layout 1 × 1</translation>
    </message>
    <message>
        <source>Layout 1 × 2</source>
        <translation>Layout 1 × 2</translation>
    </message>
    <message>
        <source>Layout 2 × 2</source>
        <translation>Layout 2 × 2</translation>
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
        <translation>Próximo &amp;quadro</translation>
    </message>
    <message>
        <source>S&amp;ynchronised scrolling</source>
        <translation>Rolagem &amp;sincronizada</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincr.</translation>
    </message>
    <message>
        <source>Scroll viewports of the same orientation together. Series of one study follow by position; for a prior, align it first, then switch this on.</source>
        <translation>Rola juntos os quadros de mesma orientação. As séries de um mesmo estudo acompanham pela posição; para um exame anterior, alinhe-o primeiro e depois ative esta opção.</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>La&amp;yout</translation>
    </message>
    <message>
        <source>M&amp;easure</source>
        <translation>&amp;Medir</translation>
    </message>
    <message>
        <source>&amp;Window/level tool</source>
        <translation>Ferramenta &amp;janela/nível</translation>
    </message>
    <message>
        <source>W/L</source>
        <translation>J/N</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Comprimento</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Comprimento</translation>
    </message>
    <message>
        <source>&amp;Angle</source>
        <translation>Ân&amp;gulo</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Ângulo</translation>
    </message>
    <message>
        <source>&amp;Ellipse region</source>
        <translation>Região &amp;elíptica</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Elipse</translation>
    </message>
    <message>
        <source>&amp;Rectangle region</source>
        <translation>Região &amp;retangular</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Retângulo</translation>
    </message>
    <message>
        <source>Arro&amp;w</source>
        <translation>&amp;Seta</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Seta</translation>
    </message>
    <message>
        <source>&amp;Text note</source>
        <translation>Nota de &amp;texto</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>&amp;Delete selected annotation</source>
        <translation>E&amp;xcluir a anotação selecionada</translation>
    </message>
    <message>
        <source>Viewer tools</source>
        <translation>Ferramentas do visualizador</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Imagem</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Open files…</source>
        <translation>&amp;Abrir arquivos…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Abrir &amp;pasta…</translation>
    </message>
    <message>
        <source>Open &amp;sample study</source>
        <translation>Abrir estudo de &amp;exemplo</translation>
    </message>
    <message>
        <source>&amp;Close all studies</source>
        <translation>&amp;Fechar todos os estudos</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>Recen&amp;tes</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>A&amp;justar à janela</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Red&amp;uzir</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>&amp;Redefinir visualização</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Inverter</translation>
    </message>
    <message>
        <source>Rotate &amp;clockwise</source>
        <translation>Girar no sentido &amp;horário</translation>
    </message>
    <message>
        <source>Flip &amp;horizontally</source>
        <translation>&amp;Espelhar horizontalmente</translation>
    </message>
    <message>
        <source>Show &amp;overlay text</source>
        <translation>Mostrar texto s&amp;obreposto</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>Pró&amp;xima imagem</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>Imagem a&amp;nterior</translation>
    </message>
    <message>
        <source>Study &amp;browser</source>
        <translation>Navegador de es&amp;tudos</translation>
    </message>
    <message>
        <source>&amp;Assistant and report</source>
        <translation>Assistente e &amp;laudo</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>I&amp;dioma</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>M&amp;odelo</translation>
    </message>
    <message>
        <source>&amp;Choose model folder…</source>
        <translation>&amp;Escolher pasta do modelo…</translation>
    </message>
    <message>
        <source>&amp;Draft report</source>
        <translation>&amp;Redigir laudo</translation>
    </message>
    <message>
        <source>&amp;Stop drafting</source>
        <translation>&amp;Parar a redação</translation>
    </message>
    <message>
        <source>&amp;Accept AI draft</source>
        <translation>&amp;Aceitar rascunho da IA</translation>
    </message>
    <message>
        <source>&amp;Mark image for the model</source>
        <translation>&amp;Marcar imagem para o modelo</translation>
    </message>
    <message>
        <source>Send &amp;whole series (sampled)</source>
        <translation>Enviar a série &amp;inteira (amostrada)</translation>
    </message>
    <message>
        <source>C&amp;lear marked images</source>
        <translation>&amp;Limpar imagens marcadas</translation>
    </message>
    <message>
        <source>Draw &amp;region for the model</source>
        <translation>&amp;Desenhar região para o modelo</translation>
    </message>
    <message>
        <source>Clear r&amp;egion</source>
        <translation>Limpar regiã&amp;o</translation>
    </message>
    <message>
        <source>Model &amp;manager…</source>
        <translation>&amp;Gerenciador de modelos…</translation>
    </message>
    <message>
        <source>Edit prompt &amp;templates…</source>
        <translation>Edi&amp;tar modelos de prompt…</translation>
    </message>
    <message>
        <source>Report &amp;drafting</source>
        <translation>Redação do la&amp;udo</translation>
    </message>
    <message>
        <source>Te&amp;xt assistant</source>
        <translation>Assistente de te&amp;xto</translation>
    </message>
    <message>
        <source>Open &amp;health record…</source>
        <translation>A&amp;brir prontuário…</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>&amp;Nova conversa</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>Tema &amp;claro</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>Tema &amp;escuro</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>Te&amp;ma</translation>
    </message>
    <message>
        <source>&amp;New report</source>
        <translation>&amp;Novo laudo</translation>
    </message>
    <message>
        <source>Open &amp;report…</source>
        <translation>Abrir &amp;laudo…</translation>
    </message>
    <message>
        <source>&amp;Save report</source>
        <translation>&amp;Salvar laudo</translation>
    </message>
    <message>
        <source>Save report &amp;as…</source>
        <translation>Salvar laudo &amp;como…</translation>
    </message>
    <message>
        <source>&amp;DICOM structured report…</source>
        <translation>Laudo estruturado &amp;DICOM…</translation>
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
        <translation>&amp;Texto simples…</translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation>&amp;Markdown…</translation>
    </message>
    <message>
        <source>De-&amp;identify exports</source>
        <translation>Des&amp;identificar exportações</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Copiar lau&amp;do</translation>
    </message>
    <message>
        <source>Mark report &amp;final</source>
        <translation>&amp;Marcar laudo como final</translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation>E&amp;xportar laudo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <source>&amp;About MedGemma Workstation</source>
        <translation>&amp;Sobre o MedGemma Workstation</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo in the report</source>
        <translation>&amp;Desfazer no laudo</translation>
    </message>
    <message>
        <source>&amp;Redo in the report</source>
        <translation>&amp;Refazer no laudo</translation>
    </message>
    <message>
        <source>&amp;Find study…</source>
        <translation>&amp;Localizar estudo…</translation>
    </message>
</context>
<context>
    <name>app::EngineDraftingService</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>O carregamento foi cancelado.</translation>
    </message>
</context>
<context>
    <name>app::HfModelCatalog</name>
    <message>
        <source>tokenizer.json is missing from this folder; drafting needs it.</source>
        <translation>Falta o tokenizer.json nesta pasta; a redação precisa dele.</translation>
    </message>
</context>
<context>
    <name>app::InferenceWorker</name>
    <message>
        <source>Internal error: %1</source>
        <translation>Erro interno: %1</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Nenhum modelo está carregado.</translation>
    </message>
</context>
<context>
    <name>app::cli::StudyDrafter</name>
    <message>
        <source>loading the model</source>
        <translation>carregando o modelo</translation>
    </message>
    <message>
        <source>encoding the images</source>
        <translation>codificando as imagens</translation>
    </message>
    <message>
        <source>reading the prompt</source>
        <translation>lendo o prompt</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>escrevendo</translation>
    </message>
    <message>
        <source>there is no prompt template &apos;%1&apos;</source>
        <translation>não existe o modelo de prompt &apos;%1&apos;</translation>
    </message>
    <message>
        <source>preparing the images</source>
        <translation>preparando as imagens</translation>
    </message>
    <message>
        <source>no image of the series could be prepared</source>
        <translation>nenhuma imagem da série pôde ser preparada</translation>
    </message>
    <message>
        <source>the study has no images</source>
        <translation>o estudo não tem imagens</translation>
    </message>
    <message>
        <source>the draft was stopped</source>
        <translation>o rascunho foi interrompido</translation>
    </message>
    <message>
        <source>%1 cannot be created</source>
        <translation>não é possível criar %1</translation>
    </message>
    <message>
        <source>no DICOM SR: the images are not DICOM</source>
        <translation>sem DICOM SR: as imagens não são DICOM</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; has no request of its own; give --prompt</source>
        <translation>o modelo &apos;%1&apos; não tem solicitação própria; informe --prompt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Views DICOM and photographic studies and drafts reports with MedGemma. Research use only; not for diagnosis.</source>
        <translation>Exibe estudos DICOM e fotográficos e redige rascunhos de laudos com o MedGemma. Somente para pesquisa; não se destina a diagnóstico.</translation>
    </message>
    <message>
        <source>Open files or folders.</source>
        <translation>Abre arquivos ou pastas.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>caminho</translation>
    </message>
    <message>
        <source>Open the bundled sample study.</source>
        <translation>Abre o estudo de exemplo incluído.</translation>
    </message>
    <message>
        <source>More files or folders to open.</source>
        <translation>Outros arquivos ou pastas a abrir.</translation>
    </message>
</context>
<context>
    <name>ui::AnnotationLayer</name>
    <message>
        <source>Text annotation</source>
        <translation>Anotação de texto</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texto:</translation>
    </message>
</context>
<context>
    <name>ui::AnnotationStore</name>
    <message>
        <source>not an annotation file of this study</source>
        <translation>não é um arquivo de anotações deste estudo</translation>
    </message>
</context>
<context>
    <name>ui::AssistantPanel</name>
    <message>
        <source>Report draft</source>
        <translation>Rascunho do laudo</translation>
    </message>
    <message>
        <source>Text assistant</source>
        <translation>Assistente de texto</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Marcar</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Região</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
</context>
<context>
    <name>ui::CineControls</name>
    <message>
        <source> fps</source>
        <translation> qps</translation>
    </message>
    <message>
        <source>Cine rate in frames per second</source>
        <translation>Velocidade do cine em quadros por segundo</translation>
    </message>
    <message>
        <source>Cine rate</source>
        <translation>Velocidade do cine</translation>
    </message>
    <message>
        <source>Pause cine</source>
        <translation>Pausar cine</translation>
    </message>
    <message>
        <source>Play cine</source>
        <translation>Reproduzir cine</translation>
    </message>
</context>
<context>
    <name>ui::ConversationController</name>
    <message>
        <source>Write a question first.</source>
        <translation>Escreva uma pergunta primeiro.</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(interrompida)</translation>
    </message>
    <message>
        <source>(length limit reached)</source>
        <translation>(limite de tamanho atingido)</translation>
    </message>
    <message numerus="yes">
        <source>Answer complete: %n token(s). Check it before relying on it.</source>
        <translation>
            <numerusform>Resposta concluída: %n token. Verifique-a antes de confiar nela.</numerusform>
            <numerusform>Resposta concluída: %n tokens. Verifique-a antes de confiar nela.</numerusform>
        </translation>
    </message>
    <message>
        <source>(failed: %1)</source>
        <translation>(falhou: %1)</translation>
    </message>
    <message>
        <source>The answer failed: %1</source>
        <translation>A resposta falhou: %1</translation>
    </message>
    <message numerus="yes">
        <source>FHIR, %n resource(s) summarised</source>
        <translation>
            <numerusform>FHIR, %n recurso resumido</numerusform>
            <numerusform>FHIR, %n recursos resumidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n caractere</numerusform>
            <numerusform>%n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>Record: %1 (%2) — sent with the next message</source>
        <translation>Prontuário: %1 (%2) — enviado com a próxima mensagem</translation>
    </message>
    <message>
        <source>Open a health record</source>
        <translation>Abrir um prontuário</translation>
    </message>
    <message>
        <source>Health records (*.txt *.json);;Text (*.txt);;FHIR JSON (*.json)</source>
        <translation>Prontuários (*.txt *.json);;Texto (*.txt);;FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 não pode ser usado: %2</translation>
    </message>
    <message>
        <source>In this conversation: %1. Open another record to add it to the next message.</source>
        <translation>Nesta conversa: %1. Abra outro prontuário para adicioná-lo à próxima mensagem.</translation>
    </message>
</context>
<context>
    <name>ui::ConversationPanel</name>
    <message>
        <source>Text task</source>
        <translation>Tarefa de texto</translation>
    </message>
    <message>
        <source>Answer language</source>
        <translation>Idioma da resposta</translation>
    </message>
    <message>
        <source>Open record…</source>
        <translation>Abrir prontuário…</translation>
    </message>
    <message>
        <source>Attach a health record: a text file or a FHIR JSON file (Ctrl+Shift+H)</source>
        <translation>Anexar um prontuário: um arquivo de texto ou um arquivo FHIR JSON (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Ask MedGemma (Ctrl+Return sends). Paste record text here too.</source>
        <translation>Pergunte ao MedGemma (Ctrl+Enter envia). Cole aqui também o texto do prontuário.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Tarefa:</translation>
    </message>
    <message>
        <source>Answer in:</source>
        <translation>Responder em:</translation>
    </message>
    <message>
        <source>No health record attached.</source>
        <translation>Nenhum prontuário anexado.</translation>
    </message>
</context>
<context>
    <name>ui::ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>Ask a medical question, or open a health record (.txt or FHIR .json) and ask about it. MedGemma&apos;s answers appear here.</source>
        <translation>Faça uma pergunta médica ou abra um prontuário (.txt ou FHIR .json) e pergunte sobre ele. As respostas do MedGemma aparecem aqui.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Health record attached: %1</source>
        <translation>Prontuário anexado: %1</translation>
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
        <translation>(sem nome)</translation>
    </message>
    <message>
        <source>No pixel spacing</source>
        <translation>Sem espaçamento de pixel</translation>
    </message>
    <message>
        <source>Pixel Spacing</source>
        <translation>Pixel Spacing</translation>
    </message>
    <message>
        <source>detector, not calibrated</source>
        <translation>detector, não calibrado</translation>
    </message>
    <message>
        <source>nominal scanned</source>
        <translation>nominal digitalizado</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>calibrado</translation>
    </message>
    <message>
        <source>%1 × %2 mm (%3)</source>
        <translation>%1 × %2 mm (%3)</translation>
    </message>
</context>
<context>
    <name>ui::DraftController</name>
    <message>
        <source>Write what MedGemma should do first.</source>
        <translation>Escreva primeiro o que o MedGemma deve fazer.</translation>
    </message>
    <message>
        <source>Preparing the images…</source>
        <translation>Preparando as imagens…</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>Redigindo…</translation>
    </message>
    <message>
        <source>Drafting stopped before it started.</source>
        <translation>A redação foi interrompida antes de começar.</translation>
    </message>
    <message numerus="yes">
        <source>Draft complete: %n token(s). Review it before use.</source>
        <translation>
            <numerusform>Rascunho concluído: %n token. Revise-o antes de usar.</numerusform>
            <numerusform>Rascunho concluído: %n tokens. Revise-o antes de usar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft reached the length limit and may be cut short.</source>
        <translation>O rascunho atingiu o limite de tamanho e pode estar incompleto.</translation>
    </message>
    <message>
        <source>Drafting stopped; the text so far is kept.</source>
        <translation>Redação interrompida; o texto gerado até aqui foi mantido.</translation>
    </message>
    <message>
        <source>Drafting failed: %1</source>
        <translation>A redação falhou: %1</translation>
    </message>
</context>
<context>
    <name>ui::DraftProgress</name>
    <message>
        <source>Model progress</source>
        <translation>Progresso do modelo</translation>
    </message>
</context>
<context>
    <name>ui::HealthRecord</name>
    <message>
        <source>larger than 32 MB</source>
        <translation>maior que 32 MB</translation>
    </message>
</context>
<context>
    <name>ui::ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>Visualizador de imagens</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Cor</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>J %1  N %2</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
</context>
<context>
    <name>ui::InputStrip</name>
    <message>
        <source>&lt;b&gt;What the model sees&lt;/b&gt;</source>
        <translation>&lt;b&gt;O que o modelo vê&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Images sent to the model</source>
        <translation>Imagens enviadas ao modelo</translation>
    </message>
    <message>
        <source>Remove from the model&apos;s images</source>
        <translation>Remover das imagens do modelo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Imagem %1</translation>
    </message>
    <message>
        <source>%1
%2 × %3 px RGB
%4</source>
        <translation>%1
%2 × %3 px RGB
%4</translation>
    </message>
    <message>
        <source>the image on screen</source>
        <translation>a imagem na tela</translation>
    </message>
    <message numerus="yes">
        <source>%n marked</source>
        <translation>
            <numerusform>%n marcada</numerusform>
            <numerusform>%n marcadas</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;What the model sees&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;O que o modelo vê&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>Preparing the images… %p%</source>
        <translation>Preparando as imagens… %p%</translation>
    </message>
    <message>
        <source>The request does not fit the model&apos;s context: send fewer images or a shorter answer.</source>
        <translation>A solicitação não cabe no contexto do modelo: envie menos imagens ou peça uma resposta mais curta.</translation>
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
        <translation>Abra um estudo: Arquivo ▸ Abrir arquivos (Ctrl+O), Arquivo ▸ Abrir pasta, arraste arquivos ou pastas para cá ou Arquivo ▸ Abrir estudo de exemplo.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Drafting failed</source>
        <translation>A redação falhou</translation>
    </message>
    <message>
        <source>%1

The report text is unchanged.</source>
        <translation>%1

O texto do laudo não foi alterado.</translation>
    </message>
    <message>
        <source>Measurements could not be saved to %1: %2</source>
        <translation>Não foi possível salvar as medições em %1: %2</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lendo %1</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>Abertura cancelada</translation>
    </message>
    <message numerus="yes">
        <source>Opening %n item(s)…</source>
        <translation>
            <numerusform>Abrindo %n item…</numerusform>
            <numerusform>Abrindo %n itens…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample study</source>
        <translation>Estudo de exemplo</translation>
    </message>
    <message>
        <source>The sample study was not found at %1. Reinstall the application or build it again.</source>
        <translation>O estudo de exemplo não foi encontrado em %1. Reinstale o aplicativo ou compile-o novamente.</translation>
    </message>
    <message numerus="yes">
        <source>%n image file(s) open</source>
        <translation>
            <numerusform>%n arquivo de imagem aberto</numerusform>
            <numerusform>%n arquivos de imagem abertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read; the rest is open.</source>
        <translation>
            <numerusform>%n arquivo não pôde ser lido; o restante está aberto.</numerusform>
            <numerusform>%n arquivos não puderam ser lidos; o restante está aberto.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing could be opened</source>
        <translation>Nada pôde ser aberto</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Abrir imagens</translation>
    </message>
    <message>
        <source>Images (*.dcm *.DCM *.dicom *.ima *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp DICOMDIR *.zip);;All files (*)</source>
        <translation>Imagens (*.dcm *.DCM *.dicom *.ima *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp DICOMDIR *.zip);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir pasta</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Clear recent</source>
        <translation>Limpar recentes</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used the next time the workstation starts.</source>
        <translation>O novo idioma será usado na próxima vez que a estação de trabalho for iniciada.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Nenhum modelo</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Carregando o modelo…</translation>
    </message>
</context>
<context>
    <name>ui::Measurement</name>
    <message>
        <source>at detector</source>
        <translation>no detector</translation>
    </message>
    <message>
        <source>nominal</source>
        <translation>nominal</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>calibrado</translation>
    </message>
    <message>
        <source>Area %1 px²</source>
        <translation>Área %1 px²</translation>
    </message>
    <message>
        <source>Area %1 cm²</source>
        <translation>Área %1 cm²</translation>
    </message>
    <message>
        <source>Area %1 mm²</source>
        <translation>Área %1 mm²</translation>
    </message>
    <message>
        <source>Mean %1  SD %2</source>
        <translation>Média %1  DP %2</translation>
    </message>
    <message>
        <source>Min %1  Max %2</source>
        <translation>Mín %1  Máx %2</translation>
    </message>
    <message>
        <source>HU</source>
        <translation>UH</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
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
        <translation>Escolha a pasta do modelo MedGemma (com config.json e *.safetensors)</translation>
    </message>
</context>
<context>
    <name>ui::ModelInputs</name>
    <message>
        <source>%1 #%2, image %3 of %4</source>
        <translation>%1 nº %2, imagem %3 de %4</translation>
    </message>
</context>
<context>
    <name>ui::ModelManager</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Needs about %1 (weights %2 + KV cache %3 for %4 tokens + working memory %5).</source>
        <translation>Requer cerca de %1 (pesos %2 + cache KV %3 para %4 tokens + memória de trabalho %5).</translation>
    </message>
    <message>
        <source>%1 of memory (RAM) free now.</source>
        <translation>%1 de memória (RAM) livre agora.</translation>
    </message>
    <message>
        <source>The free memory could not be read.</source>
        <translation>Não foi possível ler a memória livre.</translation>
    </message>
    <message>
        <source>%1 free on the GPU.</source>
        <translation>%1 livre na GPU.</translation>
    </message>
    <message>
        <source>GPU memory not reported.</source>
        <translation>Memória da GPU não informada.</translation>
    </message>
    <message>
        <source>This is more than is free: choose bfloat16, or close other programs.</source>
        <translation>Isso é mais do que está livre: escolha bfloat16 ou feche outros programas.</translation>
    </message>
    <message>
        <source>This is more than is free: close other programs, or choose a smaller model such as MedGemma 4B.</source>
        <translation>Isso é mais do que está livre: feche outros programas ou escolha um modelo menor, como o MedGemma 4B.</translation>
    </message>
    <message>
        <source>Hugging Face cache: %1</source>
        <translation>Cache do Hugging Face: %1</translation>
    </message>
    <message>
        <source>Chosen folder</source>
        <translation>Pasta escolhida</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No MedGemma model was found&lt;/h3&gt;&lt;p&gt;Viewing works without one; drafting and the text assistant need MedGemma.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Sign in at &lt;b&gt;huggingface.co&lt;/b&gt; and open &lt;b&gt;google/medgemma-4b-it&lt;/b&gt; (or google/medgemma-1.5-4b-it).&lt;/li&gt;&lt;li&gt;Accept the &lt;b&gt;Health AI Developer Foundations&lt;/b&gt; terms of use on that page (access is granted at once).&lt;/li&gt;&lt;li&gt;Download the whole model (about 8.6 GB), e.g. with &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt; after &lt;tt&gt;hf auth login&lt;/tt&gt;.&lt;/li&gt;&lt;li&gt;Come back here and press &lt;b&gt;Search again&lt;/b&gt;: models in the Hugging Face cache (&lt;tt&gt;%1&lt;/tt&gt;) are found automatically. A copy elsewhere can be chosen with &lt;b&gt;Choose folder…&lt;/b&gt; (the folder with config.json and the .safetensors files).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The model runs on this computer; nothing is sent anywhere. Research use only, not for diagnosis.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nenhum modelo MedGemma foi encontrado&lt;/h3&gt;&lt;p&gt;A visualização funciona sem modelo; a redação e o assistente de texto precisam do MedGemma.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Entre em &lt;b&gt;huggingface.co&lt;/b&gt; e abra &lt;b&gt;google/medgemma-4b-it&lt;/b&gt; (ou google/medgemma-1.5-4b-it).&lt;/li&gt;&lt;li&gt;Aceite nessa página os termos de uso do &lt;b&gt;Health AI Developer Foundations&lt;/b&gt; (o acesso é liberado na hora).&lt;/li&gt;&lt;li&gt;Baixe o modelo inteiro (cerca de 8,6 GB), por exemplo com &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt; após &lt;tt&gt;hf auth login&lt;/tt&gt;.&lt;/li&gt;&lt;li&gt;Volte aqui e clique em &lt;b&gt;Procurar novamente&lt;/b&gt;: os modelos no cache do Hugging Face (&lt;tt&gt;%1&lt;/tt&gt;) são encontrados automaticamente. Uma cópia em outro local pode ser escolhida com &lt;b&gt;Escolher pasta…&lt;/b&gt; (a pasta com config.json e os arquivos .safetensors).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;O modelo é executado neste computador; nada é enviado para lugar nenhum. Somente para pesquisa, não se destina a diagnóstico.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This is more than the GPU has free: choose the CPU, or a smaller model.</source>
        <translation>Isso é mais do que a GPU tem livre: escolha a CPU ou um modelo menor.</translation>
    </message>
    <message>
        <source>This is more than is free: choose int8 or int4 weights, or close other programs.</source>
        <translation>Isso é mais do que está livre: escolha pesos int8 ou int4, ou feche outros programas.</translation>
    </message>
    <message>
        <source>On the GPU, CUDA itself takes about %1 more.</source>
        <translation>Na GPU, o próprio CUDA ocupa cerca de %1 a mais.</translation>
    </message>
</context>
<context>
    <name>ui::ModelManagerDialog</name>
    <message>
        <source>Model manager</source>
        <translation>Gerenciador de modelos</translation>
    </message>
    <message>
        <source>Looking for models in the Hugging Face cache…</source>
        <translation>Procurando modelos no cache do Hugging Face…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Escolher pasta…</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Procurar novamente</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parâmetros</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>Em disco</translation>
    </message>
    <message>
        <source>Memory (bfloat16)</source>
        <translation>Memória (bfloat16)</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Encontrado em</translation>
    </message>
    <message>
        <source>bfloat16 (recommended: half the memory, fast on recent CPUs)</source>
        <translation>bfloat16 (recomendado: metade da memória, rápido em CPUs recentes)</translation>
    </message>
    <message>
        <source>float32 (for checking results; twice the memory)</source>
        <translation>float32 (para verificar resultados; o dobro da memória)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carregar</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Cancelar carregamento</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Precisão:</translation>
    </message>
    <message>
        <source>Choose the MedGemma model folder (with config.json and *.safetensors)</source>
        <translation>Escolha a pasta do modelo MedGemma (com config.json e *.safetensors)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>%1 (cannot be used)</source>
        <translation>%1 (não pode ser usado)</translation>
    </message>
    <message>
        <source>%1 — %2, %3, context up to %4 tokens.
%5</source>
        <translation>%1 — %2, %3, contexto de até %4 tokens.
%5</translation>
    </message>
    <message>
        <source>images and text (%1 tokens per image)</source>
        <translation>imagens e texto (%1 tokens por imagem)</translation>
    </message>
    <message>
        <source>text only</source>
        <translation>somente texto</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>Carregando %1 …</translation>
    </message>
    <message>
        <source>Ready: %1</source>
        <translation>Pronto: %1</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Falha ao carregar: %1</translation>
    </message>
    <message>
        <source>int8 weights (about half the memory; quantized at the first load)</source>
        <translation>pesos int8 (cerca de metade da memória; quantizados no primeiro carregamento)</translation>
    </message>
    <message>
        <source>int4 weights (about a third of the memory, slightly less exact; quantized at the first load)</source>
        <translation>pesos int4 (cerca de um terço da memória, um pouco menos exatos; quantizados no primeiro carregamento)</translation>
    </message>
</context>
<context>
    <name>ui::ModelNotice</name>
    <message>
        <source>&lt;b&gt;No MedGemma model is selected.&lt;/b&gt; Viewing works; drafting is off until a model is chosen.&lt;br&gt;To get one: sign in to Hugging Face, open &lt;i&gt;google/medgemma-4b-it&lt;/i&gt;, accept the Health AI Developer Foundations terms, and download the whole folder (about 8.6 GB), e.g. with &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt;. Models in the Hugging Face cache are found automatically in &lt;b&gt;Model ▸ Model manager…&lt;/b&gt; (Ctrl+Shift+M) — &lt;a href=&quot;choose-model&quot;&gt;open it now&lt;/a&gt;; a copy elsewhere can be chosen there or with Model ▸ Choose model folder… (Ctrl+M).</source>
        <translation>&lt;b&gt;Nenhum modelo MedGemma selecionado.&lt;/b&gt; A visualização funciona; a redação fica desativada até a escolha de um modelo.&lt;br&gt;Para obter um: entre no Hugging Face, abra &lt;i&gt;google/medgemma-4b-it&lt;/i&gt;, aceite os termos do Health AI Developer Foundations e baixe a pasta inteira (cerca de 8,6 GB), p. ex. com &lt;tt&gt;hf download google/medgemma-4b-it&lt;/tt&gt;. Modelos no cache do Hugging Face aparecem sozinhos em &lt;b&gt;Modelo ▸ Gerenciador de modelos…&lt;/b&gt; (Ctrl+Shift+M) — &lt;a href=&quot;choose-model&quot;&gt;abrir agora&lt;/a&gt;; uma cópia em outro local pode ser escolhida ali ou em Modelo ▸ Escolher pasta do modelo… (Ctrl+M).</translation>
    </message>
    <message>
        <source>Loading %1 …</source>
        <translation>Carregando %1 …</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;&lt;a href=&quot;choose-model&quot;&gt;Open the model manager&lt;/a&gt;</source>
        <translation>&lt;b&gt;Não foi possível carregar o modelo.&lt;/b&gt; %1&lt;br&gt;&lt;a href=&quot;choose-model&quot;&gt;Abrir o gerenciador de modelos&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>ui::PromptPanel</name>
    <message>
        <source>Task template</source>
        <translation>Modelo de tarefa</translation>
    </message>
    <message>
        <source>What should MedGemma do with the selected images?</source>
        <translation>O que o MedGemma deve fazer com as imagens selecionadas?</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit, add or restore prompt templates</source>
        <translation>Editar, adicionar ou restaurar modelos de prompt</translation>
    </message>
    <message>
        <source>Answer language</source>
        <translation>Idioma da resposta</translation>
    </message>
    <message>
        <source>e.g. cough and fever for 3 days</source>
        <translation>ex.: tosse e febre há 3 dias</translation>
    </message>
    <message>
        <source>Clinical indication</source>
        <translation>Indicação clínica</translation>
    </message>
    <message>
        <source>e.g. chest X-ray of 2024-03-02</source>
        <translation>ex.: radiografia de tórax de 2024-03-02</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparação</translation>
    </message>
    <message>
        <source>Draft report</source>
        <translation>Redigir laudo</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Stop the draft now (Esc)</source>
        <translation>Parar o rascunho agora (Esc)</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Tarefa:</translation>
    </message>
    <message>
        <source>Indication:</source>
        <translation>Indicação:</translation>
    </message>
    <message>
        <source>Comparison:</source>
        <translation>Comparação:</translation>
    </message>
    <message>
        <source>Answer in:</source>
        <translation>Responder em:</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <translation>%1 (editado)</translation>
    </message>
    <message>
        <source>Ask a medical question.</source>
        <translation>Faça uma pergunta médica.</translation>
    </message>
    <message>
        <source>Send the selected images and the prompt to MedGemma (Ctrl+Return)</source>
        <translation>Enviar as imagens selecionadas e o prompt ao MedGemma (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Drafting needs a MedGemma model: Model ▸ Model manager… (Ctrl+Shift+M)</source>
        <translation>A redação precisa de um modelo MedGemma: Modelo ▸ Gerenciador de modelos… (Ctrl+Shift+M)</translation>
    </message>
</context>
<context>
    <name>ui::PromptTemplates</name>
    <message>
        <source>Chest X-ray report</source>
        <translation>Laudo de radiografia de tórax</translation>
    </message>
    <message>
        <source>Chest X-ray comparison (prior, then current)</source>
        <translation>Comparação de RX de tórax (anterior → atual)</translation>
    </message>
    <message>
        <source>CT report</source>
        <translation>Laudo de TC</translation>
    </message>
    <message>
        <source>MR report</source>
        <translation>Laudo de RM</translation>
    </message>
    <message>
        <source>Dermatology description</source>
        <translation>Descrição dermatológica</translation>
    </message>
    <message>
        <source>Fundus photograph</source>
        <translation>Retinografia</translation>
    </message>
    <message>
        <source>Histopathology patch</source>
        <translation>Recorte de histopatologia</translation>
    </message>
    <message>
        <source>Free question about the images</source>
        <translation>Pergunta livre sobre as imagens</translation>
    </message>
    <message>
        <source>Medical question (text only)</source>
        <translation>Pergunta médica (somente texto)</translation>
    </message>
    <message>
        <source>Health-record text analysis</source>
        <translation>Análise de texto de prontuário</translation>
    </message>
</context>
<context>
    <name>ui::RecoveryDialog</name>
    <message>
        <source>Restore unsaved report</source>
        <translation>Restaurar laudo não salvo</translation>
    </message>
    <message>
        <source>Beginning of the unsaved report</source>
        <translation>Início do laudo não salvo</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Decidir &amp;mais tarde</translation>
    </message>
    <message>
        <source>A report was not saved when the workstation last ended (it was closed or stopped unexpectedly). It was last written at %1.</source>
        <translation>Um laudo não foi salvo quando a estação de trabalho foi encerrada pela última vez (ela foi fechada ou parou inesperadamente). A última gravação foi em %1.</translation>
    </message>
    <message>
        <source>Patient: %1  Study: %2 %3</source>
        <translation>Paciente: %1  Estudo: %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>Status: %1, %n AI draft(s)</source>
        <translation>
            <numerusform>Status: %1, %n rascunho de IA</numerusform>
            <numerusform>Status: %1, %n rascunhos de IA</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more unsaved report(s) will be offered after this one.</source>
        <translation>
            <numerusform>Mais %n laudo não salvo será oferecido depois deste.</numerusform>
            <numerusform>Mais %n laudos não salvos serão oferecidos depois deste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::RegionOverlay</name>
    <message>
        <source>Model region %1 × %2 px</source>
        <translation>Região do modelo %1 × %2 px</translation>
    </message>
    <message>
        <source>Drag a rectangle for the model (Esc cancels)</source>
        <translation>Arraste um retângulo para o modelo (Esc cancela)</translation>
    </message>
    <message>
        <source>Marked for the model</source>
        <translation>Marcada para o modelo</translation>
    </message>
</context>
<context>
    <name>ui::ReportController</name>
    <message>
        <source>The unsaved report was restored.</source>
        <translation>O laudo não salvo foi restaurado.</translation>
    </message>
    <message>
        <source>Replace the report</source>
        <translation>Substituir o laudo</translation>
    </message>
    <message>
        <source>The open report has changes that are not saved. Replace it anyway?</source>
        <translation>O laudo aberto tem alterações não salvas. Substituí-lo mesmo assim?</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>Abrir laudo</translation>
    </message>
    <message>
        <source>Reports (*.report.json *.json)</source>
        <translation>Laudos (*.report.json *.json)</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>Não é possível abrir %1: %2</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Salvar laudo</translation>
    </message>
    <message>
        <source>Reports (*.report.json)</source>
        <translation>Laudos (*.report.json)</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Não é possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Laudo salvo em %1</translation>
    </message>
    <message>
        <source>Export de-identified report</source>
        <translation>Exportar laudo desidentificado</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar laudo</translation>
    </message>
    <message>
        <source>Report exported to %1</source>
        <translation>Laudo exportado para %1</translation>
    </message>
    <message>
        <source>Report copied</source>
        <translation>Laudo copiado</translation>
    </message>
    <message>
        <source>Report marked final.</source>
        <translation>Laudo marcado como final.</translation>
    </message>
</context>
<context>
    <name>ui::ReportDocument</name>
    <message>
        <source>Imaging report</source>
        <translation>Laudo de imagem</translation>
    </message>
</context>
<context>
    <name>ui::ReportEditor</name>
    <message>
        <source>The report. Draft it with MedGemma or type it here.</source>
        <translation>O laudo. Redija-o com o MedGemma ou digite-o aqui.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laudo</translation>
    </message>
</context>
<context>
    <name>ui::ReportExport</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Não é possível gravar %1: %2</translation>
    </message>
</context>
<context>
    <name>ui::ReportJson</name>
    <message>
        <source>This is not a MedGemma Workstation report.</source>
        <translation>Este não é um laudo do MedGemma Workstation.</translation>
    </message>
    <message>
        <source>The report was saved by a newer version of the workstation.</source>
        <translation>O laudo foi salvo por uma versão mais recente da estação de trabalho.</translation>
    </message>
    <message>
        <source>The report file is damaged: %1</source>
        <translation>O arquivo do laudo está danificado: %1</translation>
    </message>
</context>
<context>
    <name>ui::ReportPdf</name>
    <message>
        <source> (region %1×%2 px)</source>
        <translation> (região %1×%2 px)</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>Imagens-chave</translation>
    </message>
    <message>
        <source>Changes from the AI draft</source>
        <translation>Alterações em relação ao rascunho da IA</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) added, </source>
        <translation>
            <numerusform>%n palavra adicionada, </numerusform>
            <numerusform>%n palavras adicionadas, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed, </source>
        <translation>
            <numerusform>%n removida, </numerusform>
            <numerusform>%n removidas, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept.</source>
        <translation>
            <numerusform>%n mantida.</numerusform>
            <numerusform>%n mantidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>How this draft was made</source>
        <translation>Como este rascunho foi feito</translation>
    </message>
    <message>
        <source>written without AI</source>
        <translation>escrito sem IA</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>não registrado</translation>
    </message>
    <message>
        <source>AI draft by %1, weights SHA-256 %2</source>
        <translation>Rascunho de IA por %1, pesos SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 · %2 · page %3 of %4</source>
        <translation>%1 · %2 · página %3 de %4</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>Não é possível gravar %1.</translation>
    </message>
</context>
<context>
    <name>ui::ReportProvenance</name>
    <message>
        <source>unknown model</source>
        <translation>modelo desconhecido</translation>
    </message>
    <message>
        <source>Model: %1%2, %3 on %4</source>
        <translation>Modelo: %1%2, %3 em %4</translation>
    </message>
    <message>
        <source>greedy (temperature 0)</source>
        <translation>gulosa (temperatura 0)</translation>
    </message>
    <message>
        <source>temperature %1, top-k %2, top-p %3, min-p %4</source>
        <translation>temperatura %1, top-k %2, top-p %3, min-p %4</translation>
    </message>
    <message>
        <source>Sampling: %1, repetition penalty %2, seed %3, at most %4 new tokens</source>
        <translation>Amostragem: %1, penalidade de repetição %2, semente %3, no máximo %4 tokens novos</translation>
    </message>
    <message>
        <source>Weights: %1 (%2 bytes) SHA-256 %3</source>
        <translation>Pesos: %1 (%2 bytes) SHA-256 %3</translation>
    </message>
    <message>
        <source>not yet computed</source>
        <translation>ainda não calculado</translation>
    </message>
    <message>
        <source>Input: %1, SOP Instance UID %2, frame %3</source>
        <translation>Entrada: %1, SOP Instance UID %2, quadro %3</translation>
    </message>
    <message>
        <source>, region x %1 y %2 %3×%4 px</source>
        <translation>, região x %1 y %2 %3×%4 px</translation>
    </message>
    <message>
        <source>Prompt template: %1</source>
        <translation>Modelo de prompt: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Drafted %1 – %2 by MedGemma Workstation %3</source>
        <translation>Redigido %1 – %2 pelo MedGemma Workstation %3</translation>
    </message>
</context>
<context>
    <name>ui::ReportSections</name>
    <message>
        <source>Findings</source>
        <translation>Achados</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Impressão diagnóstica</translation>
    </message>
</context>
<context>
    <name>ui::ReportSr</name>
    <message>
        <source>Report</source>
        <translation>Laudo</translation>
    </message>
    <message>
        <source>The report is not linked to a DICOM study; draft it from DICOM images to export a structured report.</source>
        <translation>O laudo não está vinculado a um estudo DICOM; redija-o a partir de imagens DICOM para exportar um laudo estruturado.</translation>
    </message>
</context>
<context>
    <name>ui::ReportText</name>
    <message>
        <source>Draft %1 of %2</source>
        <translation>Rascunho %1 de %2</translation>
    </message>
    <message>
        <source>Prompt as the model read it (each &lt;start_of_image&gt; is one image):</source>
        <translation>Prompt como o modelo o leu (cada &lt;start_of_image&gt; é uma imagem):</translation>
    </message>
    <message>
        <source>Study Instance UID: %1</source>
        <translation>Study Instance UID: %1</translation>
    </message>
    <message>
        <source>Written by the clinician; no AI draft was used.</source>
        <translation>Escrito pelo médico; nenhum rascunho de IA foi usado.</translation>
    </message>
    <message>
        <source>AI generated draft, reviewed and marked final by the clinician.</source>
        <translation>Rascunho gerado por IA, revisado e marcado como final pelo médico.</translation>
    </message>
    <message>
        <source>AI generated, requires review by a qualified clinician.</source>
        <translation>Gerado por IA; requer revisão por um médico qualificado.</translation>
    </message>
    <message>
        <source>Research use only — not for diagnosis. AI drafts can be wrong and must be reviewed by a qualified clinician.</source>
        <translation>Somente para pesquisa — não se destina a diagnóstico. Rascunhos de IA podem conter erros e devem ser revisados por um médico qualificado.</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>Rascunho de IA</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nascimento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Estudo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Nº de acesso</translation>
    </message>
    <message>
        <source>Referring</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Proveniência</translation>
    </message>
    <message>
        <source>Study UID</source>
        <translation>UID do estudo</translation>
    </message>
</context>
<context>
    <name>ui::RequestRunner</name>
    <message>
        <source>Stopping…</source>
        <translation>Parando…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Carregando o modelo…</translation>
    </message>
    <message>
        <source>Reading the images…</source>
        <translation>Lendo as imagens…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>Lendo o prompt…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escrevendo…</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
</context>
<context>
    <name>ui::SamplingPanel</name>
    <message>
        <source>Advanced sampling settings</source>
        <translation>Configurações avançadas de amostragem</translation>
    </message>
    <message>
        <source>0 chooses the most likely word every time (greedy): the same images and prompt give the same draft.</source>
        <translation>0 escolhe sempre a palavra mais provável (gulosa): as mesmas imagens e o mesmo prompt geram o mesmo rascunho.</translation>
    </message>
    <message>
        <source>Sample only among the k most likely tokens (0 = no limit).</source>
        <translation>Amostrar somente entre os k tokens mais prováveis (0 = sem limite).</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatura:</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p:</translation>
    </message>
    <message>
        <source>Min-p:</source>
        <translation>Min-p:</translation>
    </message>
    <message>
        <source>Repetition penalty:</source>
        <translation>Penalidade de repetição:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Semente:</translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation>Resposta mais longa:</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>gulosa</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>temperatura %1</translation>
    </message>
    <message>
        <source>Advanced settings: %1, answers up to %2 tokens</source>
        <translation>Configurações avançadas: %1, respostas de até %2 tokens</translation>
    </message>
</context>
<context>
    <name>ui::SeriesViewer</name>
    <message>
        <source>Slice</source>
        <translation>Corte</translation>
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
        <translation>Nasc. %1</translation>
    </message>
    <message>
        <source>Sex %1</source>
        <translation>Sexo %1</translation>
    </message>
    <message>
        <source>Image %1 / %2</source>
        <translation>Imagem %1 / %2</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>Quadro %1 / %2</translation>
    </message>
    <message>
        <source>Location %1 mm</source>
        <translation>Posição %1 mm</translation>
    </message>
    <message>
        <source>Photographs — no patient data</source>
        <translation>Fotografias — sem dados de paciente</translation>
    </message>
</context>
<context>
    <name>ui::StudyBrowser</name>
    <message>
        <source>Study</source>
        <translation>Estudo</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Série %1</translation>
    </message>
    <message>
        <source>Filter by patient, study, series or modality</source>
        <translation>Filtrar por paciente, estudo, série ou modalidade</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidade</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imagens</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Study browser</source>
        <translation>Navegador de estudos</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent studies&lt;/b&gt; — click to open again</source>
        <translation>&lt;b&gt;Estudos recentes&lt;/b&gt; — clique para abrir novamente</translation>
    </message>
    <message>
        <source>Recent studies</source>
        <translation>Estudos recentes</translation>
    </message>
    <message>
        <source>Photographs — no patient data</source>
        <translation>Fotografias — sem dados de paciente</translation>
    </message>
</context>
<context>
    <name>ui::TemplateEditorDialog</name>
    <message>
        <source>Prompt templates</source>
        <translation>Modelos de prompt</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Novo modelo</translation>
    </message>
    <message>
        <source>Restore built-in</source>
        <translation>Restaurar o original</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>None: the MedGemma 1.5 recipes send no system prompt.</source>
        <translation>Nenhum: as receitas do MedGemma 1.5 não enviam prompt de sistema.</translation>
    </message>
    <message>
        <source>No images (text only)</source>
        <translation>Sem imagens (somente texto)</translation>
    </message>
    <message>
        <source>Images, then the request</source>
        <translation>Imagens, depois a solicitação</translation>
    </message>
    <message>
        <source>Text, then the images</source>
        <translation>Texto, depois as imagens</translation>
    </message>
    <message>
        <source>Slices labelled SLICE 1, 2, …, then the request</source>
        <translation>Cortes rotulados SLICE 1, 2, …, depois a solicitação</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Prompt de sistema:</translation>
    </message>
    <message>
        <source>Text before the images:</source>
        <translation>Texto antes das imagens:</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Solicitação:</translation>
    </message>
    <message>
        <source>Image order:</source>
        <translation>Ordem das imagens:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versão:</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <translation>%1 (editado)</translation>
    </message>
    <message>
        <source>built-in, edited</source>
        <translation>original, editado</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>original</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>seu</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Give the template a name first.</source>
        <translation>Dê primeiro um nome ao modelo.</translation>
    </message>
    <message>
        <source>The templates could not be saved to %1: %2</source>
        <translation>Não foi possível salvar os modelos em %1: %2</translation>
    </message>
    <message>
        <source>Save the changes to the template “%1”?</source>
        <translation>Salvar as alterações no modelo “%1”?</translation>
    </message>
</context>
<context>
    <name>ui::TemplateFollower</name>
    <message>
        <source>Task template: %1, as chosen for this patient</source>
        <translation>Modelo de tarefa: %1, como escolhido para este paciente</translation>
    </message>
    <message>
        <source>Task template: %1, for the %2 images</source>
        <translation>Modelo de tarefa: %1, para as imagens de %2</translation>
    </message>
</context>
<context>
    <name>ui::TokenBudget</name>
    <message>
        <source>Images: %1 · load a model to see the token budget</source>
        <translation>Imagens: %1 · carregue um modelo para ver o orçamento de tokens</translation>
    </message>
    <message>
        <source>Images: %1 × %2 = %3 tokens</source>
        <translation>Imagens: %1 × %2 = %3 tokens</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>contando…</translation>
    </message>
    <message>
        <source>%1 · prompt %2 + answer ≤ %3 = %4 of %5 tokens</source>
        <translation>%1 · prompt %2 + resposta ≤ %3 = %4 de %5 tokens</translation>
    </message>
</context>
<context>
    <name>ui::ViewerController</name>
    <message>
        <source>Synchronised scrolling on</source>
        <translation>Rolagem sincronizada ativada</translation>
    </message>
    <message>
        <source>Synchronised scrolling off</source>
        <translation>Rolagem sincronizada desativada</translation>
    </message>
    <message>
        <source>Cine %1 frames per second</source>
        <translation>Cine %1 quadros por segundo</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>Esta imagem não pode ser exibida: %1</translation>
    </message>
</context>
<context>
    <name>ui::ViewerGrid</name>
    <message>
        <source>Drag a series here from the browser, or click here and choose one there.</source>
        <translation>Arraste uma série do navegador para cá ou clique aqui e escolha uma no navegador.</translation>
    </message>
</context>
<context>
    <name>ui::WindowLevelController</name>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (J %2, N %3)</translation>
    </message>
    <message>
        <source>(none in this image)</source>
        <translation>(nenhuma nesta imagem)</translation>
    </message>
</context>
<context>
    <name>ui::WindowPresets</name>
    <message>
        <source>Lung</source>
        <translation>Pulmão</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>Mediastino</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdome</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Fígado</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Osso</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cérebro</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>Janela %1</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automática</translation>
    </message>
    <message>
        <source>File default</source>
        <translation>Padrão do arquivo</translation>
    </message>
</context>
</TS>
