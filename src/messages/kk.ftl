# aqparat-тың қызметкерлерге хабарлары, қазақша (en.ftl-дің аудармасы).
# Файл атаулары, YAML кілттері мен командалар аударылмайды, `...` ішінде
# қалады.

## Diagnostics (src/diag.rs)

severity-error = қате
severity-warning = ескерту
help = кеңес
did-you-mean = {" "}(`{ $name }` деп жазғыңыз келді ме?)

## Summaries (src/cmd/build.rs)

count-errors = { $count } қате
count-warnings = { $count } ескерту
build-failed = құрастыру сәтсіз аяқталды: { $errors }, { $warnings }{ $strict }; ештеңе жазылмады, { $output } өзгерген жоқ
check-failed = тексеру сәтсіз аяқталды: { $errors }, { $warnings }{ $strict }
built-some = { $pages } бет құрастырылып, { $output } қалтасына жазылды: { $seconds } с ({ $rendered } бет қайта жасалды, қалғаны өзгермеді; { $warnings })
built = { $pages } бет құрастырылып, { $output } қалтасына жазылды: { $seconds } с ({ $warnings })
checked = { $pages } бет { $seconds } с ішінде тексерілді: қате жоқ, { $warnings }
built-images = суреттер: { $encoded } кодталды, { $cached } кэштен алынды (.aqparat/cache/images/)
built-waiting = { $count ->
    [one] күні бүгіннен кейін келетін бет әлі жарияланбаған: { $pages }{ $more } (`--future` оны алдын ала қарау үшін құрастырады)
   *[other] күні бүгіннен кейін келетін { $count } бет әлі жарияланбаған: { $pages }{ $more } (`--future` оларды алдын ала қарау үшін құрастырады)
    }
built-waiting-more = {" "}және тағы { $count }
image-no-alt = балама мәтіні жоқ сурет: `{ $src }`
image-no-alt-hint = суретте не көрсетілгенін жақша ішіне жазыңыз, мысалы `![Маска киген дәрігер](masks.jpg)` — оны көре алмайтын оқырмандар үшін; бетті тек безендіретін суреттің мәтіні `{ $decorative }` болады: `![{ $decorative }](border.png)`
image-missing = сурет табылмады: `{ $src }`{ $guess }
image-missing-hint = салыстырмалы жол беттің қалтасынан оқылады (`content/rules/x.kk.md` ішіндегі `![…](masks.jpg)` — бұл `content/rules/masks.jpg`, екі тілге ортақ); `/` белгісінен басталатын жол — статикалық файл (`/img/a.png` — бұл `static/img/a.png`)
image-format = `{ $path }` — aqparat жариялай алатын сурет емес
image-format-hint = оны JPEG, PNG немесе WebP (фотолар мен суреттер, телефондар үшін кішірейтіледі), GIF немесе SVG (сол күйінде жарияланады) түрінде сақтаңыз
image-unreadable = `{ $path }` суретін оқу мүмкін емес: { $error }
image-unreadable-hint = файл бүлінген немесе атауында көрсетілген пішімде емес болуы мүмкін: оны сурет редакторында ашып, JPEG, PNG немесе WebP түрінде қайта сақтаңыз
image-too-large = `{ $path }` суретінің өлшемі { $size } пиксель, бұл aqparat өңдей алатыннан үлкен: барлығы { $max_megapixels } мегапиксельден (ені × биіктігі), әр жағы { $max_side } пиксельден аспауы керек, ал ені { $page_width } пиксельге кішірейтілгенде биіктігі { $max_height } пиксельден аспауы керек
image-too-large-hint = суретті сайтқа қоспас бұрын кішірейтіңіз, мысалы сурет редакторындағы «Өлшемін өзгерту» немесе «Экспорттау» арқылы: ені 1440 пиксель жеткілікті, беттер суретті одан кеңірек көрсетпейді
strict-note = {" "}(--strict кезінде ескертулер қате саналады)

## Fatal errors (src/error.rs)

cannot-write-output = сайтты { $output } ішіне жазу мүмкін емес: { $error }; { $advice }
output-advice-room = дискіде орын босатыңыз немесе басқа --output таңдаңыз
output-advice-permission = сол жерге жазуға рұқсатыңыз бар-жоғын тексеріңіз немесе басқа --output таңдаңыз
output-advice-name = ондағы бір файлдың не қалтаның аты файлдық жүйе рұқсат ететіннен ұзын: content ішіндегі файлдар мен қалталардың атын қысқартыңыз немесе қысқарақ --output таңдаңыз
output-advice-output-name = --output жолының өзі файлдық жүйе рұқсат ететіннен ұзын (қалта аты 255 байттан асады, aqparat қасынан сол атпен ашатын уақытша жинақ қалтасын қоса есептегенде): қысқарақ --output таңдаңыз
output-advice-not-folder = { $file } қалта емес, файл, оның ішінде ештеңе жасауға болмайды: басқа --output таңдаңыз
output-advice-link-to-nowhere = { $link } — еш жерге апармайтын символдық сілтеме, сондықтан ол арқылы қалта жасалмайды: ол апаратын нәрсені жасаңыз, сілтемені өшіріңіз немесе басқа --output таңдаңыз
output-advice-any = дискіде орын бар-жоғын және сол жерге жазуға рұқсатыңыз бар-жоғын тексеріңіз немесе басқа --output таңдаңыз
cannot-make-search-index = { $output } сайтының іздеу индексін жасау мүмкін емес: { $error }; ештеңе жарияланбады. { $advice }
search-advice-room = Дискіде орын босатып, қайта құрастырыңыз
search-advice-any = Қайта құрастырыңыз немесе іздеу индексінсіз жариялау үшін site.yaml ішінде `search: false` деп жазыңыз

## The serve overlay (src/serve/)

overlay-title = aqparat: сайтта қателер бар; бұл — соңғы сәтті құрастыру

## YAML (src/load/yaml.rs)

yaml-tag = `{ $tag }` YAML тегін жазуға болмайды{ $more }
yaml-tag-more = {" "}(бұл файлда тағы { $count } тег бар)
yaml-tag-hint = тегті алып тастаңыз: мәнді сол күйінде жазыңыз, мәтін болса, тырнақшаға алыңыз (`"…"`); мәннің түрін aqparat өзі анықтайды
yaml-unknown-key = `{ $key }` деген кілт жоқ; мұнда жазуға болатын кілттер: { $known }{ $guess }
yaml-unknown-value = `{ $value }` деген мән жарамайды; мұнда жазуға болатыны: { $known }{ $guess }
yaml-missing-key = міндетті `{ $key }` кілті жазылмаған
yaml-missing-key-of = `{ $name }`: міндетті `{ $key }` кілті жазылмаған
yaml-repeated-key = `{ $key }` кілті екі рет жазылған
yaml-second-document = осы жерден, `---` жолынан кейін, екінші құжат басталады: файлда бір ғана құжат болады
yaml-empty = файлда оқитын ештеңе жоқ: ол бос не тек түсініктемелерден тұрады
yaml-not-a-figure = `{ $value }` — сан емес: санды цифрмен жазыңыз
yaml-number-too-large = `{ $value }` — бұл мән үшін тым үлкен сан
yaml-number-too-small = `{ $value }` — бұл мәнге болатын ең кіші саннан кіші
yaml-number-hint = санда қате жоқ па, тексеріңіз
yaml-aliases-too-much = мұндағы якорьлар (`&`) мен сілтемелер (`*`) тым көп деректерге жайылады
yaml-wrong-kind = мұнда { $expected } керек, ал жазылғаны — { $found }
yaml-wrong-form = мұнда { $expected } керек, ал бұл мән оған сай емес
yaml-unreadable = бұл жер оқылмайды: { $error }
yaml-too-deep = мұнда тізімдер мен кілт–мән жиындары бір-бірінің ішіне тым терең салынған, aqparat мұндай тереңдікті оқымайды
yaml-comment-cut = YAML-да бос орыннан кейінгі `#` түсініктеме бастайды: мұндағы мәтін тек `{ $value }`, ал `{ $comment }` алынып тасталды
yaml-comment-cut-hint = `#` мәтінге жатса, бүкіл мәтінді тырнақшаға алыңыз: `{ $quoted }`; түсініктеме бөлек жолға жазылады
yaml-kind-whole-number = бүтін сан
yaml-kind-number = сан
yaml-kind-text = мәтін
yaml-kind-list = тізім
yaml-kind-mapping = мәні бар кілттер (`key: value`)
yaml-kind-boolean = `true` не `false`
yaml-kind-empty = бос мән
yaml-kind-single = тізім не сөздік емес, жалғыз мән (мәтін, сан, `true` не `false`)
yaml-kind-ui-string = мәтін не оның санға қарай түрлері (`one: …`, `other: …`)
yaml-control-character = бұл жолда U+{ $code } басқару таңбасы бар: ол көрінбейді және оған рұқсат жоқ
yaml-control-character-hint = оны өшіріңіз (көрінбесе, айналасындағы мәтінді қайта теріңіз)
yaml-tab = мұнда табуляция таңбасы тұр, ал YAML бұл жерде тек бос орынды қабылдайды
yaml-tab-hint = табуляцияны бос орындармен ауыстырыңыз (редакторды Tab пернесі бос орын қоятындай етіп баптауға болады)
yaml-quote-unclosed = осы жерде ашылған { $quote } тырнақшасы бұл жолда жабылмаған, сондықтан YAML мәтінді әрі қарай, { $line }-жолдағы тырнақшаға дейін оқыды
yaml-quote-unclosed-hint = мәтін біткен жерге жабатын { $quote } тырнақшасын қойыңыз
yaml-hint-unknown-field = бұл кілттің жазылуын тексеріңіз; тек тізімдегі кілттерге рұқсат бар
yaml-hint-unknown-value = бұл мәннің жазылуын тексеріңіз; тек тізімдегі мәндерге рұқсат бар
yaml-hint-missing-field = бұл кілтті қосыңыз: ол міндетті
yaml-hint-missing-written = бұл кілтті қосыңыз: ол міндетті; егер ол `{ $key }` деп жазылған болса, емлесін түзетіңіз
yaml-hint-empty = `:` белгісінен кейін мәнін жазыңыз; одан кейін ештеңе жазылмаған кілттің мәні жоқ
yaml-hint-single = кілттен кейін `[…]`, `{"{"}…{"}"}` жақшаларынсыз және `- ` тармақтарынсыз бір ғана мән жазыңыз; `[` не `{"{"}` белгісінен басталатын не ішінде `: ` бар мәтінді тырнақшаға алыңыз
yaml-hint-colon = ішінде `: ` бар мәнді тырнақшаға алу керек, мысалы title: 'Біргеміз: Білім'; немесе осы жолдың шегінісін түзетіңіз
yaml-hint-duplicate = бұл кілт екі рет жазылған; біреуін ғана қалдырыңыз
yaml-hint-second-document = сол `---` жолын (және оның алдындағы `...` жолын) өшіріңіз: файл — бір құжат; одан кейінгі мәтінді бөлек файлға немесе осы файлдың ішіне көшіріңіз
yaml-hint-depth = мұнда тізімдер мен сөздіктер бір-бірінің ішіне тым терең салынған — сайт файлдарына мұндай тереңдік керек емес; жақшалар мен шегіністерді тексеріңіз
yaml-hint-alias = бұл файл тым көп деректерге ұласады (бір-бірінің ішінде қайталанған `&` белгілері мен `*` сілтемелері); олардың орнына мәндерді толық жазыңыз
yaml-hint-bool = `true` (иә) не `false` (жоқ) деп жазыңыз
yaml-hint-list = мұнда бір тармақтан тұрса да тізім керек: әр тармақ кілттің астында, бөлек жолда, шегініспен, `- ` белгісінен кейін жазылады (  - /old-page/)
yaml-hint-type = бұл мәннің түрі не пішімі дұрыс емес; ішінде `:`, `#`, `[` не `{"{"}` бар мәтінді тырнақшаға алыңыз
yaml-hint-syntax = мұндағы YAML жазылымын түзетіңіз: `key: value`, әр жолда біреуден, ішкі кілттер екі бос орын шегініспен
yaml-quote-inside = мына { $quote } тырнақшадағы мәтінді аяқтайды, ал одан кейін тағы мәтін бар: тырнақшадағы мәтіннің ішіндегі дәл сондай тырнақша мәтінді аяқтап тастайды
yaml-quote-inside-hint = мәтін ішіндегі тырнақшаларды «…» түрінде жазыңыз, не бүкіл мәтінді `'…'` тырнақшасына алып, ішіндегі әрбір `'` белгісін екі рет жазыңыз: `{ $quoted }`
yaml-unknown-anchor = `*{ $name }` `&{ $name }` белгісі қойылған мәнді қайталайды, бірақ одан жоғары мұндай белгісі бар мән жоқ
yaml-unknown-anchor-hint = қайталанатын мәнге осы жолдан жоғары `&{ $name }` белгісін қойыңыз (`{ $key }: &{ $name } …`), не `*{ $name }` орнына мәннің өзін жазыңыз
yaml-quote-never-closed = осы жерде ашылған { $quote } тырнақшасы еш жерде жабылмаған
yaml-cannot-start = YAML-да мән `{ $char }` белгісінен басталмайды
yaml-cannot-start-hint = бүкіл мәтінді тырнақшаға алыңыз: `{ $quoted }`
yaml-unknown-escape = қос тырнақшадағы мәтінде `\` арнайы таңбаны бастайды, ал `{ $escape }` ондай таңба емес
yaml-unknown-escape-hint = мәтінді `'…'` тырнақшасына алыңыз, онда `\` — қарапайым таңба: `{ $quoted }`; не әрбір `\` белгісін екі рет жазыңыз (`\\`)
yaml-no-colon = бұл жолда кілттен кейін `: ` жоқ, сондықтан YAML оны `key: value` ретінде оқи алмайды
yaml-no-colon-hint = кілт пен мәннің арасына `: ` (қос нүкте мен бос орын) қойыңыз; бұл жол алдыңғы жолдағы мәннің жалғасы болса, оны сол жолға қосып жазыңыз
yaml-not-a-key = YAML мұнда жоғарыдағы кілттермен бір деңгейдегі кілтті (`key: value`) күтті
yaml-stray-bracket = мына { $bracket } жақшасы ашылмаған жақшаны жабады
yaml-stray-bracket-hint = оны өшіріңіз, ал жақша мәтіннің өзіне тиесілі болса, бүкіл мәтінді тырнақшаға алыңыз
yaml-colon = қос нүкте мен одан кейінгі бос орын кілтті белгілейді, ал мұнда кілт болуы мүмкін емес: бұл — мәннің ортасы, не шегінісі жоғарыдағы кілттердікінен үлкен жол
yaml-hint-whole-number = бүтін санды цифрмен, нүктесіз және сөзсіз жазыңыз, мысалы `10`
yaml-hint-number = санды цифрмен жазыңыз, бөлшек бөлігін нүктеден кейін, мысалы `10` не `2.5`
yaml-hint-mapping = бұл мәннің кілттерін оның астындағы жолдарға екі бос орын шегініспен жазыңыз: `key: value`, әр жолда біреуден

## Links (src/render/links.rs, site.rs)

link-on-page = { $message } ({ $url } бетінде)
link-on-page-and-one = { $message } ({ $url } бетінде және тағы бір бетте)
link-missing-file = сілтеме сайт құрамында жоқ бетке не файлға апарады: `{ $target }`{ $guess }
link-missing-file-hint = бетке оның бастапқы жолымен сілтеме беріңіз, мысалы `@/rules/quarantine.md`, немесе мекенжайды тексеріңіз: `content/rules/x.kk.md` беті `/kk/rules/x/` мекенжайында, `static/img/a.png` файлы `/img/a.png` мекенжайында болады
link-not-read = бұл сілтеме сілтеме ретінде оқылмайды, бетте жазылғандай көрінеді: оның мекенжайында бос орын бар
link-not-read-hint = мекенжайды бұрыштық жақшаға алыңыз, `<{ $address }>`; файлды бос орынсыз атаған дұрыс (`Фото-карта.jpg`)
link-missing-anchor = сілтеме { $page } ішінде жоқ #{ $fragment } белгісіне апарады{ $guess }
link-no-ids-hint = ол бетте id-і бар бірде-бір элемент жоқ; бетке `#…` бөлігінсіз сілтеме беріңіз
link-ids-hint = ол бетте мұндай id-і бар элемент жоқ; ондағы id-лер: #{ $ids }
link-missing-own-anchor = сілтеме беттің өзінде жоқ #{ $fragment } белгісіне апарады{ $guess }
link-missing-own-anchor-hint = бетте мұндай id-і бар элемент жоқ; бетте бар id-ге сілтеме беріңіз (тақырыптың id-іне не үлгі берген id-ге) немесе бір элементке осы id-ді беріңіз
link-outside-base = сайттан тыс сілтеме: `{ $path }` сайттың { $base_url } мекенжайының ішінде емес{ $guess }
link-outside-base-hint = сайт { $base_url } мекенжайында жарияланады: ондағы әр сілтеме `{ $base_path }` деп басталады; үлгіде `{"{{"} site.base_path {"}}"}…` деп жазыңыз, Markdown-да беттерге бастапқы жолымен сілтеме беріңіз (`@/rules/quarantine.md`), aqparat өзі жасайтын беттерге (инфографика) беттің өзінен басталатын жолмен (`../infographics/`), ал static/ ішіндегі файлдарға жолының алдына `{ $base_path }` қойып сілтеме беріңіз
link-on-page-and-others = { $message } ({ $url } бетінде және тағы { $others } бетте)
anchor-no-headings = онда тақырыптар жоқ: осы id-мен тақырып қосыңыз (`## … {"{"}#{ $anchor }{"}"}`) не бетке `#{ $anchor }`-сыз сілтеме жасаңыз
anchor-headings = ондағы тақырыптар: #{ $ids }
anchor-headings-first = ондағы тақырыптар саны — { $all }, алғашқы { $shown } тақырып: #{ $ids }
anchor-hint = { $known }; солардың біріне сілтеме беріңіз немесе бір тақырыпқа осы id-ді `{"{"}#{ $anchor }{"}"}` арқылы беріңіз

## Rendering (src/render/)

render-template = `{ $template }` үлгісі бойынша бет жасау мүмкін болмады: { $error }
render-template-hint = үлгінің теманың templates/ қалтасында бар екенін және жоғарыда оның қателері жоқ екенін тексеріңіз

## Files (src/load/files.rs)

symlink-outside = бұл — сайт қалтасынан тыс жерге апаратын символдық сілтеме; aqparat оны оқымайды әрі жарияламайды
symlink-outside-hint = файлға сілтеме бермей, оны сайт қалтасына көшіріңіз немесе сілтемені өшіріңіз
symlink-broken = бұл символдық сілтеме ешқайда апармайды{ $target }
symlink-target = {" "}(нысаны: `{ $target }`)
symlink-broken-hint = сілтемені өшіріңіз немесе оны сайт қалтасының ішіндегі файлға бағыттаңыз
symlink-links-loop = бұл символдық сілтеме{ $target } бір-біріне апаратын сілтемелер шеңберінің бірі, сондықтан ешбір файлға не қалтаға жетпейді
symlink-links-loop-hint = шеңбердегі бір сілтемені сайттың файлына не қалтасына бағыттаңыз (шеңбердің басқа сілтемесіне емес) немесе сілтемелерді өшіріңіз
symlink-not-site-file = бұл жол символдық сілтеме арқылы `{ $target }` жолына апарады, ал ол сайттың бөлігі емес (ол жасырын немесе оны .gitignore шығарып тастаған); aqparat оны оқымайды әрі жарияламайды
symlink-not-site-file-hint = сілтеменің орнына файлдың көшірмесін қойыңыз немесе оны сайттың жасырын емес әрі .gitignore шығарып тастамаған файлына бағыттаңыз
symlink-into-output = бұл жол символдық сілтеме арқылы aqparat құрастырған `{ $output }` қалтасының (құрастыру нәтижесінің) ішіне апарады; aqparat оны оқымайды әрі жарияламайды
symlink-into-output-hint = сілтемені өшіріңіз: құрастыру нәтижесі сайттан жасалады және оған қайта оқылмайды; ол жасалған сайт файлына сілтеме беріңіз немесе оның көшірмесін static/ қалтасына салыңыз
not-a-file = бұл — { $kind }, aqparat оқи алатын файл емес
kind-fifo = атаулы арна (FIFO)
kind-socket = сокет
kind-device = құрылғы
kind-folder = қалта
kind-file = файл
kind-special = арнайы файл
not-a-file-hint = оны кәдімгі файлмен алмастырыңыз немесе өшіріңіз
not-a-folder = бұл — { $kind }, қалта емес: aqparat сайт файлдарын тек `{ $name }/` қалтасынан оқиды, бұл жерден ештеңе оқымайды
not-a-folder-hint = оның атын өзгертіңіз не басқа жерге жылжытыңыз; `{ $name }` ішіндегі файлдар осы аттас қалтаға салынады
cannot-read-file = бұл файлды оқу мүмкін емес: { $error }
cannot-read-folder = бұл қалтаны оқу мүмкін емес: { $error }
unreadable-permission-hint = aqparat-ты іске қосқан пайдаланушының оны оқуға рұқсаты жоқ: рұқсаттарын түзетіңіз (мысалы, chmod a+r) немесе оны өшіріңіз
unreadable-hint = файлдың бар екенін және оны оқуға болатынын тексеріңіз
walk-unreadable-hint = оның бар екенін және оны оқуға болатынын тексеріңіз
not-utf8 = бұл файл UTF-8 кодтауындағы мәтін емес
not-utf8-hint = файлды UTF-8 кодтауымен сақтаңыз (көп редакторда: «Басқаша сақтау…» → «Кодтау: UTF-8»)
file-name-not-utf8 = бұл файлдың аты UTF-8 мәтіні емес (Windows-та жасалған мұрағаттан ашылған файлдарда осындай аттар болады), сондықтан оны ат ретінде оқу мүмкін емес
folder-name-not-utf8 = бұл қалтаның аты UTF-8 мәтіні емес (Windows-та жасалған мұрағаттан ашылған қалталарда осындай аттар болады), сондықтан ішіндегі ешнәрсе оқылмайды
name-not-utf8-hint = атын жаңадан теріп, қайта атаңыз (ең сенімдісі — латын әріптері, цифрлар мен дефис)
symlink-loop = бұл символдық сілтеме өзін қамтитын қалтаға апарады (тұйық шеңбер)
symlink-loop-hint = сілтемені өшіріңіз немесе оны басқа қалтаға бағыттаңыз

## Loading (src/load/)

no-content = { $root } ішінде content/ қалтасы жоқ
no-content-hint = content/ қалтасын жасап, оған әр тілдің басты бетін салыңыз (content/_index.LANG.md); немесе aqparat-ты сайт қалтасында іске қосыңыз (--root DIR)
no-front-matter = беттің басында front matter (YAML бөлімі) жоқ
no-front-matter-hint = файлды `---` жолынан бастаңыз, одан кейін `title: …` жазыңыз, соңында тағы бір `---` жолын қойыңыз
front-matter-unclosed = осы `---` жолы ашқан front matter бөлімі еш жерде жабылмаған
front-matter-unclosed-hint = соңғы кілттен кейін (`title: …`, `date: …`), беттің мәтінінен бұрын тек `---` тұрған жол қосыңыз
no-language-suffix = файл атауында тіл коды жоқ
no-language-suffix-hint = файлды site.yaml-дағы тілдердің бірімен `{ $stem }.LANG.md` деп атаңыз, мысалы `{ $stem }.kk.md`
gitignore-pattern = aqparat бұл үлгіні түсінбейді ({ $error }), сондықтан оны елемейді
gitignore-pattern-hint = оны gitignore(5) сипаттағандай жазыңыз; үлгіні `git check-ignore -v PATH` командасымен тексеруге болады
no-site-yaml = { $root } ішінде site.yaml жоқ
no-site-yaml-hint = aqparat-ты сайт қалтасында іске қосыңыз немесе --root DIR көрсетіңіз
root-not-folder = { $root } — файл, сайттың қалтасы емес
root-missing = { $root } қалтасы жоқ
data-name-taken = `data.{ $stem }` атауы { $other } файлында да бар
data-name-taken-hint = файлдардың бірінің атауын өзгертіңіз: үлгілер әр деректер файлын атауы арқылы көреді
data-name-aid = `data.aid` — data/aid/ қалтасындағы статистика: деректер файлы бұл атауды ала алмайды
data-name-aid-hint = файлдың атауын өзгертіңіз: үлгілер әр деректер файлын атауы арқылы көреді, ал `aid` атауы статистикаға тиесілі
stats-file-missing = бұл статистика файлы жоқ
stats-file-missing-hint = data/aid/ қалтасында organisations.yaml, units.yaml, categories.yaml, sources.yaml және records.yaml (немесе records.csv) болуы керек; `aqparat init --statistics ЖАҢА-ҚАЛТА` солардың үлгі жинағын жасайды, одан көшіріп алуға болады
stats-left-out = статистиканы .gitignore шығарып тастаған: git оны коммитке қоспайды, сондықтан aqparat та оны оқымайды, сайт статистикасыз жиналады
stats-file-left-out = бұл статистика файлы бар, бірақ оны .gitignore шығарып тастаған: git оны коммитке қоспайды, сондықтан aqparat та оны оқымайды
stats-left-out-hint = { $path } жолын шығарып тастайтын үлгіні .gitignore файлынан алып тастаңыз (қай үлгі екенін `git check-ignore -v { $path }` көрсетеді)
stats-file-folder = бұл — қалта, ал { $name } файл болуы керек
stats-file-folder-hint = алдымен қалтадағы файлдарды одан шығарыңыз (статистика файлын data/aid/ қалтасына), содан кейін бос қалтаны өшіріңіз: { $name } data/aid/ ішіндегі файл болуы керек
data-aid-unread = aqparat бұл файлды оқымайды: статистика — data/aid/ ішіндегі organisations.yaml, units.yaml, categories.yaml, sources.yaml және records.yaml (немесе records.csv) қана{ $guess }
data-aid-unread-hint = оны солардың біріне қайта атаңыз немесе жазбаларын records.yaml-ға көшіріңіз (барлық жазба бір файлда тұрады); басқасын data/aid/ қалтасынан шығарыңыз
data-unknown-kind = aqparat data/ қалтасынан тек YAML (.yaml, .yml), CSV (.csv) және JSON (.json) файлдарын оқиды; бұл файл ескерілмейді
data-unknown-kind-hint = бұл үлгілерге арналған деректер болса, файлға осы кеңейтімдердің бірін беріңіз, әйтпесе оны data/ қалтасынан шығарыңыз (жүктеп алуға арналған файлдар static/ қалтасына салынады)
content-not-md = бұл файл бет ретінде оқылмайды: аты `.md` деп аяқталатын файлдар ғана бет болады
content-not-md-hidden-end = бұл файл бет ретінде оқылмайды: оның аты `.md` белгісінен кейін нүктемен не бос орынмен аяқталады, ал Windows оларды көрсетпейді
content-not-md-hint = бет болса, атын `{ $name }` деп өзгертіңіз; бет болмаса, content/ қалтасынан шығарыңыз (жүктеп алуға арналған файлдар static/ қалтасына салынады)
json-error = бұл жер оқылмайды: { $error }
json-error-hint = осы жердегі JSON синтаксисін тексеріңіз: үтір жетіспейді не артық, жақша не тырнақша жабылмаған
json-ends-early = файл осы мән аяқталмай тұрып бітеді
json-expected-value = мұнда мән болуы керек: қос тырнақшадағы мәтін, сан, `true`, `false`, `null`, `[…]` тізімі не `{"{"}…{"}"}` нысаны
json-expected-comma = мұнда үтір не тізімді немесе нысанды жабатын жақша болуы керек
json-expected-colon = мұнда кілт пен оның мәнінің арасында қос нүкте болуы керек
json-key-not-text = кілт қос тырнақшадағы мәтін болуы керек
json-trailing-comma = жабатын жақшаның алдында үтір тұр: JSON соңғы элементтен кейін үтір қоюға рұқсат етпейді
json-trailing-text = файлдың мәні аяқталғаннан кейін тағы бірдеңе жазылған
json-too-deep = тізімдер мен нысандар мұнда 128 деңгейден тереңірек салынған
json-number-too-large = бұл сан оқуға тым үлкен
json-control-character = жол ішінде басқару таңбасы тұр: жолды ауыстыруды `\n`, табуляцияны `\t` деп жазыңыз
csv-no-header = бұл CSV файлында тақырып жолы жоқ
csv-no-header-hint = бірінші жолға бағандардың атаулары жазылады, жарияланған /data/aid.csv-дегідей: id, organisation, category, count, unit, what_kk, what_ru, source және сіз қолданатын басқалары
csv-duplicate-column = `{ $name }` бағаны екі рет аталған (алғашқысы жолдың { $col }-таңбасында)
csv-duplicate-column-hint = олардың бірінің атауын өзгертіңіз немесе біреуін өшіріңіз
csv-extra-cell = бұл жолдағы ұяшықтар тақырып жолындағы бағандардан көп
csv-extra-cell-hint = тақырып жолында бағанның атауын жазыңыз немесе ұяшықты өшіріңіз
csv-unclosed-quote = бұл тырнақша ашқан ұяшық өзі біткен жерде жабылмаған: одан кейінгі жолдар осы ұяшыққа кіріп кетер еді
csv-unclosed-quote-hint = ұяшықты ол біткен жерде `"` тырнақшасымен жабыңыз; тырнақшаға алынған ұяшықтың ішіндегі тырнақша екі рет жазылады: `""`
csv-not-utf8-hint = Excel-де «Файл → Басқаша сақтау → CSV UTF-8 (үтірмен бөлінген)» арқылы сақтаңыз; LibreOffice-те «Юникод (UTF-8)» кодтауын таңдаңыз
records-header-unknown = бірінші жолда aqparat оқитын бағандардың бірде-бір атауы жоқ; ол бағандардың атаулары жазылған жол болуы керек
records-unknown-column = белгісіз баған: `{ $name }`{ $guess }
records-columns-hint = бағандар: { $columns }, сондай-ақ сайттың әр тіліне бір бағаннан: { $what }
records-missing-column = тақырып жолында әр жазбаға қажет `{ $name }` бағаны жоқ
records-empty-cell = бұл жазбада `{ $name }` толтырылмаған
records-empty-cell-hint = ұяшықты толтырыңыз: ол әр жазбаға қажет
records-short-row = бұл жол `{ $names }` ұяшықтарына жетпей бітеді, ал олар әр жазбаға керек
records-short-row-hint = жетіспейтін ұяшықтарды қосыңыз: жолда тақырып жолының әр бағанына бір ұяшықтан болады, бос ұяшық — екі { $delimiter ->
    [semicolon] нүктелі үтірдің (`;`)
    [tab] табуляцияның
   *[comma] үтірдің
} арасы бос қалғаны
records-bad-boolean = `reported` мәні `{ $value }`, ал ол true не false болуы керек
records-bad-boolean-hint = дереккөзде сан болмаса, false деп жазыңыз (count бос қалады); әйтпесе ұяшықты бос қалдырыңыз
records-both = data/aid/ қалтасында records.yaml да, records.csv да бар
records-both-hint = жазбаларды біреуінде қалдырып, екіншісін өшіріңіз

## Pages (src/validate/pages.rs)

page-no-title = беттің тақырыбы жоқ
page-no-title-hint = front matter бөліміне `title: …` жолын қосыңыз
page-empty-title = тақырып бос
page-empty-title-hint = беттің тақырыбын `title:` сөзінен кейін жазыңыз
page-invalid-date = { $name } мәні дұрыс емес: { $error }
page-date-hint = күнді YYYY-MM-DD түрінде жазыңыз, мысалы 2020-04-03
page-updated-before-date = `updated` ({ $updated }) `date` ({ $date }) күнінен ерте тұр
page-updated-before-date-hint = `updated` — соңғы өзгерістің күні; ол жарияланған күннен ерте бола алмайды
page-expires-before-date = `expires` ({ $expires }) `date` ({ $date }) күнінен кейін емес
page-expires-before-date-hint = `expires` — бет күшін жоятын алғашқы күн; жарияланған күннен кейінгі күнді жазыңыз немесе `expires` жолын алып тастаңыз
page-unknown-template = темада `{ $template }` үлгісі жоқ{ $guess }
page-own-template = `{ $template }` — aqparat өзі жасайтын беттің үлгісі ({ $what }); ол тек сол бетте бар деректерді көрсетеді, сондықтан content/ ішіндегі бет оны пайдалана алмайды
page-section-template = `{ $template }` — бөлімдердің (`_index.md`) үлгісі: ол бөлімнің беттер тізімін көрсетеді, ал жай бетте ондай тізім жоқ
use-one-of = мыналардың бірін жазыңыз: { $list }
page-bad-file-name = `{ $name }` файл атауында мекенжайға жарамайтын таңбалар бар
page-bad-folder-name = `{ $name }` қалта атауында мекенжайға жарамайтын таңбалар бар
page-bad-name-hint = оны `{ $name }` деп қайта атаңыз: беттер мен қалталардың атауы әріптерден, цифрлардан, `-`, `_` және `.` таңбаларынан тұрады
page-unknown-lang = `{ $lang }` тілі сайт тілдерінің қатарында жоқ
page-unknown-lang-hint = site.yaml ішіндегі `languages` тізіміне `{ $lang }` тілін қосыңыз; ал сайтта `{ $lang }` тіліндегі беттер болмауға тиіс болса, файлды өшіріңіз не оны { $suffixes } жұрнақтарының бірімен қайта атаңыз
page-unknown-lang-country-hint = `{ $lang }` — тілдің емес, елдің коды: файлдың атын `.{ $meant }.md` деп аяқталатындай етіп өзгертіңіз
page-unknown-lang-rename-hint = файлды өшіріңіз не оны { $suffixes } жұрнақтарының бірімен қайта атаңыз
page-same-url = бұл файл да, { $others } да /{ $url } бетіне айналады
page-same-url-hint = біреуін ғана қалдырыңыз: қалтаның беті оның `_index.LANG.md` файлында болады
page-url-twin = { $count ->
    [1] бұл файл /{ $url } бетіне айналады, ал { $others } одан тек бас әріптерімен немесе әріптің кодталуымен ғана ерекшеленетін мекенжайға айналады: Windows пен macOS жүйесінде екеуі бір қалта болады да, бір бет екіншісін ауыстырады
   *[other] бұл файл /{ $url } бетіне айналады, ал { $others } одан тек бас әріптерімен немесе әріптің кодталуымен ғана ерекшеленетін мекенжайларға айналады: Windows пен macOS жүйесінде бәрі бір қалта болады да, бір бет қалғандарын ауыстырады
    }
page-url-twin-hint = файлдардың бірінің атын өзгертіңіз немесе біреуін ғана қалдырыңыз
page-no-home = `{ $lang }` тілінде басты бет жоқ
page-no-home-hint = front matter бөлімінде `title: …` (және `draft: false`) жазылған { $path } файлын жасаңыз: /{ $lang }/ беті сол файлдан жасалады
page-no-home-left-out-hint = { $path } файлы бар, бірақ оны .gitignore шығарып тастаған: git оны коммитке қоспайды, сондықтан aqparat та оны оқымайды; бұл файлды шығарып тастайтын үлгіні .gitignore файлынан алып тастаңыз
page-no-home-fallback-hint = { $hint }; оған дейін /{ $lang }/ бетінде `{ $default }` тіліндегі бөлімдер мен беттер көрсетіледі
page-no-translation = `{ $lang }` тіліне аудармасы жоқ
page-no-translation-hint = { $path } файлын жазыңыз; оған дейін тіл ауыстырғыш ең жақын `{ $lang }` бөліміне апарады
page-translation-waiting = `{ $lang }` тіліндегі аудармасы, { $path }, тек { $day } күнінен бастап жарияланады
page-translation-waiting-hint = оған дейін тіл ауыстырғыш ең жақын `{ $lang }` бөліміне апарады; оны осы бетпен бірге жариялау үшін оған осы беттің күнін қойыңыз
page-translation-draft = `{ $lang }` тіліндегі аудармасы, { $path }, — жоба, ол жарияланбайды
page-translation-draft-hint = солай тұрғанда тіл ауыстырғыш ең жақын `{ $lang }` бөліміне апарады; аударманы жариялау үшін `draft: true` жолын өшіріңіз
page-translation-draft-waiting = `{ $lang }` тіліндегі аудармасы, { $path }, — жоба, оның үстіне күні бүгіннен кейін ({ $day }): ол екі себеппен де жарияланбайды
page-translation-draft-waiting-hint = солай тұрғанда тіл ауыстырғыш ең жақын `{ $lang }` бөліміне апарады; оны осы бетпен бірге жариялау үшін `draft: true` жолын өшіріп, оған осы беттің күнін қойыңыз

## site.yaml (src/validate/config.rs)

config-base-url = base_url: { $problem }
config-base-url-hint = сайт жарияланатын толық мекенжайды жазыңыз, мысалы `https://example.kz/`
config-no-languages = бірде-бір тіл көрсетілмеген
config-no-languages-hint = кемінде бір тілді көрсетіңіз, мысалы `kk: {"{"} name: Қазақша, title: … {"}"}`
config-bad-language-code = `{ $code }` — тіл коды емес
config-empty-language-code = тілдердің бірі кодсыз жазылған
config-bad-language-code-hint = кіші әріппен жазылған екі не үш әріпті ISO 639 кодын қолданыңыз, мысалы `kk` немесе `ru`
language-code-reserved = `{ $code }` тілдің коды бола алмайды: /{ $code }/ — әлеуметтік желілерге арналған карточкалар қалтасы
language-code-country = `{ $code }` — елдің коды, тілдікі емес: тілдің коды — `{ $lang }`
language-code-country-hint = мұнда және default_language ішінде `{ $code }` орнына `{ $lang }` деп жазыңыз, ал осы тілдегі беттерді АТЫ.{ $lang }.md деп атаңыз
config-notice-lang = хабарландыруда `{ $lang }` тіліндегі мәтін бар, бірақ бұл тіл сайт тілдерінің қатарында жоқ
config-notice-lang-hint = `languages` тізіміне `{ $lang }` тілін қосыңыз не хабарландырудың `{ $lang }:` мәтінін өшіріңіз
config-language-field-empty = `{ $code }` тілінің { $field } өрісі бос
config-language-field-empty-hint = оны `{ $field }:` сөзінен кейін жазыңыз: ол осы тілдегі әр бетте көрінеді
config-default-language = default_language `{ $lang }` тілдер тізімінде жоқ
search-not-built = бұл aqparat `search` мүмкіндігінсіз құрастырылған, сондықтан сайтта іздеу индексі болмайды (барлық беттердің тізімі сақталады)
search-not-built-hint = aqparat-ты әдепкі мүмкіндіктерімен орнатыңыз (бастапқы коды бар қалтада `cargo install --path .`) немесе іздеусіз жұмыс істеу үшін `search: false` деп жазыңыз
dates-git-not-built = `dates: git` беттердің күндерін git-тен алуды сұрайды, бірақ бұл aqparat `history` мүмкіндігінсіз құрастырылған: «соңғы жаңарту» front matter-ден алынады (`updated`, ол болмаса `date`)
dates-git-not-built-hint = aqparat-ты әдепкі мүмкіндіктерімен орнатыңыз (бастапқы коды бар қалтада `cargo install --path .`) немесе `dates: git` жолын алып тастаңыз
control-character = { $what }: мұнда U+{ $code } басқару таңбасы бар, ол көрінбейді және жаңалықтар арнасын (feed) бұзады
control-character-hint = оны өшіріңіз (көрінбесе, айналасындағы мәтінді қайта теріңіз); мәтінді бөлу үшін жаңа жолдан бастаңыз
direction-control = { $what }: мұнда U+{ $code } бар — одан кейінгі мәтінді кері аударатын не орнын ауыстыратын көрінбейтін таңба
direction-control-hint = оны өшіріңіз (көрінбесе, айналасындағы мәтінді қайта теріңіз): ол мәтінді жазылғаннан басқаша оқытады; оңнан солға жазылатын мәтінде тыныс белгілерін орналастыратын U+200E мен U+200F белгілеріне рұқсат бар
what-field = { $field } өрісі
what-language-field = `{ $code }` тілінің { $field } өрісі
what-notice = `{ $code }` тіліндегі хабарландыру

## UI strings (src/validate/i18n.rs)

what-ui-string = `{ $key }` интерфейс жолы
what-ui-form = `{ $key }` интерфейс жолының `{ $form }` түрі
i18n-missing-lang = `{ $lang }` тіліне интерфейс жолдары жоқ
i18n-missing-lang-hint = басқа тіл файлындағы кілттермен { $path } файлын жасаңыз (кірістірілген темада kk, ru және en бар; `aqparat theme eject` оларды сайтқа көшіреді)
i18n-missing-key = `{ $lang }` тілінде `{ $key }` интерфейс жолы жоқ
i18n-missing-key-hint = { $path } файлына `{ $key }:` қосыңыз; ол { $there }:{ $line } ішінде бар
i18n-unknown-key = `{ $key }` деген кілт белгісіз: темада мұндай интерфейс жолы жоқ{ $guess }
i18n-unknown-key-hint = кілтті `{ $meant }` деп түзетіңіз: мұндағы жол теманың кілті дәл сондай жолын алмастырады
i18n-slip-key = белгісіз `{ $key }` кілті: ол басқа тілдердің ешқайсысында жоқ{ $guess }
i18n-slip-key-hint = кілтті басқа тілдердің бәріндегідей `{ $meant }` деп түзетіңіз
i18n-unknown-placeholder = `{ $key }` интерфейс жолында `{ $placeholder }` бар, бірақ оны ешнәрсе алмастырмайды: беттерде жазылғандай көрінеді{ $guess }
i18n-placeholder-hint = `{ $key }` ішінде болуы мүмкін белгілер (әрқайсысының орнына өз мәні қойылады): { $known }
i18n-no-placeholder-hint = `{ $key }` ішіне ешқандай мән қойылмайды: мәтінді фигуралық жақшасыз жазыңыз
i18n-missing-form = `{ $key }` интерфейс жолында `{ $category }` көптік түрі жоқ
i18n-missing-form-hint = `{ $lang }` тіліне мына түрлер керек: { $forms }
i18n-unknown-form = `{ $key }` интерфейс жолында белгісіз `{ $category }` көптік түрі бар
i18n-unknown-form-hint = `{ $lang }` тілі тек мына түрлерді қолданады: { $forms }

## The theme (src/load/theme.rs)

theme-bad-name = `{ $name }` — themes/ ішіндегі қалтаның атауы емес
theme-there = {" "}(онда бары: { $names })
theme-bad-name-hint = themes/ ішіндегі бір қалтаның атауын жазыңыз (әріптер, цифрлар, `-`, `_`), мысалы `theme: default`{ $available }, немесе кірістірілген теманы қолдану үшін `theme:` жолын алып тастаңыз
theme-not-found = `{ $name }` темасы табылмады: { $root } ішінде { $dir }/ қалтасы жоқ{ $guess }
theme-not-found-hint = site.yaml ішіндегі `theme:` мәніне themes/ ішіндегі бір қалтаны жазыңыз{ $available }, немесе кірістірілген темадан өзгеше үлгілер, i18n/ және static/ файлдары бар { $dir }/ қалтасын жасаңыз, немесе кірістірілген теманы қолдану үшін `theme:` жолын алып тастаңыз
tera-names-hint = үлгілердегі `extends` пен `include` атауларын тексеріңіз
template-error = үлгідегі қате: { $error }
template-syntax-error = үлгінің синтаксис қатесі: { $error }
template-no-field = үлгідегі қате: `{ $name }` мұнда анықталмаған{ $guess }; мұнда бары: { $offered }
template-no-field-bare = үлгідегі қате: `{ $name }` мұнда анықталмаған
template-no-variable = үлгідегі қате: `{ $name }` айнымалысы мұнда анықталмаған{ $guess }; мұндағы айнымалылар: { $offered }
template-no-variable-bare = үлгідегі қате: `{ $name }` айнымалысы мұнда анықталмаған
template-no-ui-string = үлгідегі қате: `{ $key }` интерфейс жолы (`i18n.{ $key }`) анықталмаған{ $guess }
template-unknown-filter = үлгідегі қате: `{ $name }` деген сүзгі жоқ{ $guess }
template-unknown-function = үлгідегі қате: `{ $name }` деген функция жоқ
template-unknown-template = үлгідегі қате: `{ $name }` үлгісі темада да, кірістірілген темада да жоқ
template-unknown-template-hint = теманың `templates/` қалтасындағы файлды сол қалтадағы жолымен атаңыз (`partials/nav.html`) немесе сол файлды қосыңыз
template-unclosed = үлгідегі қате: `{ $open }` жабылмаған: оның `{ $end }` тегінен бұрын { $line }-жолда `{ $found }` тұр
template-unclosed-at-end = үлгідегі қате: `{ $open }` үлгі біткенше жабылмаған
template-unclosed-hint = оның блогы аяқталуға тиіс жерге `{ $end }` қойыңыз
template-closes-nothing = үлгідегі қате: `{ $found }` ештеңені жаппайды: мұнда ашық тұрған `{ $open }` жоқ
template-closes-nothing-hint = оны өшіріңіз немесе алдына ол жабуға тиіс `{ $open }` тегін қойыңыз
template-unknown-tag = үлгідегі қате: `{ $name }` деген тег жоқ{ $guess }
template-unknown-tag-hint = Tera білетін тегтер: { $tags }
template-misplaced-else = үлгідегі қате: `{ $found }` мұнда, `{ $open }` ішінде ({ $line }-жол) тұра алмайды: `if` алдымен өз `elif` тегтерін, соңында бір `else` алады; `for` тек бір `else` алады
template-misplaced-else-hint = оны блоктың `else` тегінен жоғары жылжытыңыз немесе өшіріңіз
template-delimiter-unclosed = үлгідегі қате: мұнда ашылған `{ $start }` `{ $end }` арқылы жабылмаған
template-delimiter-unclosed-hint = ол аяқталуға тиіс жерге `{ $end }` қойыңыз
template-missing-parent = `{ $current }` үлгісі `{ $parent }` үлгісіне негізделген (extends), бірақ ондай үлгі жоқ
template-missing-parent-hint = `{"{"}% extends %{"}"}` ішіндегі атауды түзетіңіз немесе жетіспейтін үлгіні қосыңыз
template-hint-ui-string = бұл жолды әр themes/…/i18n/LANG.yaml файлына қосыңыз немесе мұнда оның атауын түзетіңіз
template-hint-function = aqparat Tera-ның кірістірілген құралдарына `t` функциясын және `num`, `date` сүзгілерін қосады; атауын тексеріңіз
template-hint-undefined = бет контексі беретін айнымалыны қолданыңыз (README-ді қараңыз) немесе алдымен оның бар-жоғын тексеріңіз: `{"{"}% if x is defined %{"}"}` / `x | default(value="")`
template-hint-syntax = мұндағы Tera синтаксисін тексеріңіз: тегтер — `{"{"}% … %{"}"}`, өрнектер — `{"{{"} … {"}}"}`, әр блоктың өз `end…` тегі болуы керек

## Markdown and shortcodes (src/render/markdown.rs, src/render/stats/)

shortcode-not-closed = `{"{{"}` қысқа коды `{"}}"}` белгісімен жабылмаған
shortcode-cut-line = бұл қысқа код келесі жолға ауысқан, ал қысқа код тек бір жолда оқылады: оны `{"{{"}` белгісінен `{"}}"}` белгісіне дейін бір жолға жазыңыз
shortcode-cut-html = бұл қысқа кодта `{ $tag }` бар, оны Markdown алдымен HTML ретінде оқиды: қысқа кодта `<` болмауы керек
shortcode-cut-code = бұл қысқа кодта кері апостроф (`` ` ``) бар, оны Markdown алдымен кодтың басы ретінде оқиды: қысқа кодта кері апостроф болмауы керек
shortcode-not-call = `{"{{"} { $inner } {"}}"}` — `stat(id="…")` сияқты қысқа код шақыруы емес
shortcode-no-paren = қысқа код шақыруы `)` белгісімен аяқталуы керек
shortcode-bad-arg = `{ $arg }` аргументі `key="value"` түрінде жазылмаған
shortcode-unquoted = `{ $key }` мәні тырнақшада тұруы керек
shortcode-quote-not-closed = `{ $key }` мәнін ашатын { $quote } тырнақшасы жабылмаған: мән біткен жерге { $quote } қойыңыз
shortcode-unknown-arg = `{ $name }` қысқа кодында `{ $key }` аргументі жоқ{ $guess }; оның аргументтері: { $known }
shortcode-arg-twice = `{ $key }` аргументі екі рет берілген
shortcode-no-stats = бұл сайтта статистика жоқ (data/aid/)
shortcode-no-record = data/aid/records.yaml не records.csv ішінде `{ $id }` жазбасы жоқ{ $guess }
shortcode-no-records = `{ $id }` жазбасы жоқ: data/aid/records.yaml (не records.csv) ішінде бірде-бір жазба жоқ; ол байқаусызда босап қалған жоқ па?
shortcode-stat-args = `stat` үшін не жалғыз `id="RECORD"`, не `total="UNIT"` керек; соңғысына қаласаңыз `org="ORG"` не `category="CATEGORY"` қосуға болады
shortcode-no-org = data/aid/organisations.yaml ішінде `{ $id }` ұйымы жоқ{ $guess }
shortcode-no-category = data/aid/categories.yaml ішінде `{ $id }` санаты жоқ{ $guess }
shortcode-no-unit = data/aid/units.yaml ішінде `{ $unit }` бірлігі жоқ
shortcode-no-figures = `{ $unit }` бірлігінде қосатын сандар жоқ
shortcode-not-added = `{ $unit }` бірлігінің сандары қосылмайды: `data/aid/units.yaml` файлындағы `add: false` олардың бір адамдарды екі рет санауы мүмкін екенін айтады; әрқайсысын `stat(id=…)` арқылы беріңіз
shortcode-chart-args = `chart` үшін `id="reached"`, `id="items"`, `org="ORG"`, `category="CATEGORY"` аргументтерінің дәл біреуі керек
shortcode-no-chart = `{ $call }` диаграммасы жоқ{ $guess }; { $charts }
shortcode-chart-not-drawn = `{ $call }` диаграммасы жоқ: диаграмма сандарды салыстырады, сондықтан ол бір өлшем бірлігінде екі не одан көп сан болғанда ғана салынады, ал мұнда әр бірлікте екіден аз; { $charts }
shortcode-charts = бар диаграммалар: { $list }{ $more }
shortcode-charts-more = {" "}және тағы { $count }
shortcode-no-charts = әзірге бірде-бір диаграмма жоқ
shortcode-chart-hint = `chart` мына аргументтердің бірін алады: `id="reached"` (көмек алған адамдар мен отбасылар), `id="items"` (қалған бірліктер), `org="ORG"` не `category="CATEGORY"`; диаграмма бір бірлікте екі не одан көп сан болғанда шығады (data/aid/records.yaml не records.csv ішіндегі жазбалар): оларды қосыңыз не әзірге қысқа кодты алып тастаңыз
shortcode-unknown = белгісіз қысқа код `{ $name }`{ $guess }; aqparat-та `stat` және `chart` бар
shortcode-chart-alone = диаграмма өз абзацында жеке тұруы керек, оның алдында және соңында бос жол болсын
heading-id-repeated = `{ $id }` id-і осы беттегі жоғарырақ тұрған тақырыпта да бар: #{ $id } сілтемелері мұнда емес, сонда апарады
heading-id-repeated-hint = бұл тақырыпқа өзіне ғана тән id беріңіз
heading-id-space = id ішінде бос орын болмайды: бұл тақырыптың id-і тек бірінші сөз болады, қалғандары бос атрибутқа айналады
heading-id-space-hint = сөздерді дефиспен қосыңыз: `{ $meant }`
shortcode-hint = `stat` пен `chart` қысқа кодтары туралы қызметкерлерге арналған нұсқаулықта жазылған (content/guide.kk.md, «Сан қосу»); id — data/aid/records.yaml не records.csv ішіндегі жазбалардың id-і
md-missing-page = сілтеме жоқ бетке апарады: `{ $dest }`{ $guess }
md-missing-page-hint = сілтеме апаратын беттің content/ ішіндегі жолын тіл кодынсыз жазыңыз, мысалы `@/rules/quarantine.md` немесе `@/rules/_index.md`
md-scheduled-page = сілтеме әлі жарияланбаған бетке апарады: `{ $dest }` беті { $date } күнімен белгіленген
md-scheduled-page-hint = бет өзінің `date` күнінен бастап жарияланады; осы бетке де сондай (немесе кейінірек) `date` беріңіз немесе сілтемені ол жарияланғаннан кейін қойыңыз (алдын ала көру үшін `--future` екеуін де құрастырады)
link-draft-page = сілтеме жарияланбайтын жобаға апарады: `{ $dest }` — { $path }
link-draft-page-hint = оны жариялау үшін одан `draft: true` жолын алып тастаңыз немесе сілтемені ол жарияланғаннан кейін қойыңыз (алдын ала көру үшін `--drafts` жобаларды да құрастырады)
stats-cannot-show = статистиканы `{ $lang }` тілінде көрсету мүмкін емес: { $error }
stats-cannot-show-hint = статистикаға README-де аталған интерфейс жолдары (figure_about, as_of, chart_reached…) әр тілде керек
stats-font-hint = теманың fonts/ қалтасына қазақ әріптері (ә ғ қ ң ө ұ ү һ і) бар TrueType қаріпін салыңыз

## What aqparat makes, which pages and static files may not replace (src/validate/pages.rs)

generated-home = басты бет
generated-404 = жоқ мекенжайларға арналған бет
generated-feed = жаңалықтар арнасы
generated-download = жүктеп алуға арналған статистика
generated-pages = барлық беттердің тізімі
generated-infographics = инфографика беттері
generated-organisation = статистикадағы ұйымның беті
generated-changes = статистикадағы өзгерістер беті
generated-redirect = көшкен беттің ескі мекенжайындағы бет
generated-page = бет
generated-languages = тілдерді ұсынатын бет
generated-sitemap = сайт картасы (sitemap)
generated-sitemap-part = сайт картасының (sitemap) бір бөлігі
generated-robots = robots.txt
generated-search = іздеу индексі
generated-static = статикалық файл
generated-cards = әлеуметтік желілерге арналған карточкалар қалтасы
generated-images = кішірейтілген суреттер қалтасы
taken-file = /{ $url } — { $what }
taken-folder = /{ $url }/ ішінде { $what } орналасады
taken-index = /{ $url }index.html — беттің өз файлы
page-reserved = бұл файл /{ $url } бетіне айналар еді, бірақ бұл орынды aqparat өзі жасайтын нәрсе алып тұр: { $taken }
page-reserved-hint = файлдың не оның қалтасының атауын өзгертіңіз: беттің жолы { $list } дегендердің бірінен басталмауы және `index.html` бөлігін қамтымауы керек
static-bad-name = бұл файлдың атауында `{ $char }` бар, ол файлдың мекенжайын бұзады
static-bad-name-hint = файлды `?`, `#`, `\` және басқару таңбаларынсыз қайта атаңыз (мысалы, олардың орнына `-` қойып)
static-taken-file = /{ $output } мекенжайын aqparat жасайтын нәрсе алып тұр: { $what }
static-taken-folder = /{ $folder } ішінде aqparat жасайтын нәрсе орналасады: { $what }
static-taken-made-folder = aqparat /{ $output }/ қалтасын өзі жасайды
static-taken = бұл статикалық файл /{ $output } мекенжайына көшірілер еді, бірақ { $taken }
static-taken-hint = файлдың атауын өзгертіңіз не оны басқа жерге, мысалы static/files/ сияқты жеке қалтаға көшіріңіз

## Dates and addresses (src/date.rs, src/address.rs)

date-form = `{ $text }` — YYYY-MM-DD түріндегі күн емес
date-bad-year = `{ $text }` ішіндегі жыл қате
date-bad-month = `{ $text }` ішіндегі ай қате
date-bad-day = `{ $text }` ішіндегі күн қате
date-month-range = `{ $text }` ішінде ай — { $month }; ай 01–12 аралығында болады
date-no-such-day = `{ $text }` деген күн жоқ: ол айда { $day }-күн жоқ
date-or-month = `{ $text }` YYYY-MM-DD түрінде де, YYYY-MM түрінде де жазылмаған
address-character = мекенжайда { $char } бар, ал мекенжайда ондай таңба болмауы керек; оны браузер көрсеткендей жазыңыз, мысалы `https://example.kz/`
address-not-absolute = `{ $text }` мекенжай ретінде оқылмайды; толық мекенжайды `https://` белгісінен бастап жазыңыз, мысалы `https://example.kz/`
address-space = мекенжайда бос орын бар, ал мекенжайда бос орын болмайды; оны бос орынсыз, браузер көрсеткендей жазыңыз
address-no-scheme = `{ $text }` мекенжайының басында `https://` жоқ; толық мекенжайды жазыңыз: `{ $suggested }`
address-port = `{ $text }` ішіндегі `:` белгісінен кейінгі порт 1 мен 65535 аралығындағы сан емес; оны алып тастаңыз, не сайт жұмыс істейтін портты жазыңыз
address-bad-host = `{ $text }` мекенжайындағы хост атауы дұрыс емес: хост атауы нүктелермен бөлінген бөліктерден тұрады, әр бөлігі әріптерден, цифрлардан және `-` таңбасынан құралуы, бос болмауы және 63 таңбадан аспауы керек, ал IP мекенжайы — 0-ден 255-ке дейінгі төрт сан; мекенжайды браузер көрсеткендей жазыңыз, мысалы `https://example.kz/`
address-not-http = `{ $text }` — http(s) мекенжайы емес; толық мекенжайды `https://` белгісінен бастап жазыңыз, мысалы `https://example.kz/`
address-no-host = `{ $text }` ішінде хост атауы жоқ; толық мекенжайды жазыңыз, мысалы `https://example.kz/`
address-user = `{ $text }` ішінде пайдаланушы аты не құпиясөз бар, оны әр бет жариялап қояды; оларды алып тастаңыз
address-query = `{ $text }` ішінде `?` сұрауы не `#` бөлігі бар; сайттың мекенжайы — хост және қажет болса қалта ғана

## New sites (src/init/, src/cmd/init.rs)

init-not-empty = { $dir } бос емес; aqparat жаңа сайтты тек бос не жаңа қалтада жасайды (басқа қалта көрсетіңіз, немесе бар сайтқа теманы қосу үшін `aqparat theme eject` командасын қолданыңыз)
init-not-a-folder = { $path } — қалта емес, файл: жаңа сайт үшін қалта көрсетіңіз
init-empty-title = --title бос: сайттың атауын жазыңыз немесе әр тілге өз атауы берілуі үшін --title жазбаңыз
init-title-control = --title ішінде { $code } басқару таңбасы бар (табуляция, жол ауыстыру не көрінбейтін басқа таңба), ал атауда ондай таңба болмауы керек; атауды бір жолға, қарапайым бос орындармен жазыңыз
init-title-direction = --title ішінде { $code } бар — одан кейінгі мәтінді кері аударатын не орнын ауыстыратын көрінбейтін таңба, ал атауда ондай таңба болмауы керек; атауды онсыз қайта теріңіз
init-cannot-write = { $path } жазу мүмкін емес: { $error }; сол жерге жазуға рұқсатыңыз бар-жоғын тексеріңіз
init-theme-exists = { $path } бұрыннан бар; aqparat теманың үстінен жазбайды (кірістірілген темадан қайта бастау үшін алдымен оны басқа жерге жылжытыңыз)
init-no-languages = кемінде бір тілді көрсетіңіз: --languages kk,ru
init-bad-language = `{ $code }` — тіл коды емес: кіші әріппен жазылған екі не үш әріпті ISO 639 кодтарын қолданыңыз, мысалы --languages kk,ru
init-language-twice = `{ $code }` --languages ішінде екі рет берілген
init-bad-default = `{ $lang }` әдепкі тілі --languages { $languages } тізімінде жоқ
init-done = { $dir } ішінде жаңа сайт жасалды ({ $files } файл). Енді:{"\u000A"}  { $command }{"\u000A"}командасымен оны қараңыз, содан кейін content/ қалтасын өңдеңіз (қызметкерлерге арналған нұсқаулық: content/guide.*.md)
eject-done = кірістірілген тема { $dir } ішіне көшірілді ({ $files } файл): енді сайт кірістірілген теманың орнына осы көшірмені қолданады; қалағаныңызды өзгертіңіз
eject-done-named = кірістірілген тема site.yaml атаған `{ $name }` темасының қалтасына, { $dir } ішіне көшірілді ({ $files } файл): енді сайт кірістірілген теманың орнына осы көшірмені қолданады; қалағаныңызды өзгертіңіз
eject-config-unread = site.yaml оқылмайды, сондықтан сайттың қай теманы қолданатыны белгісіз: ондағы қатені `aqparat check` көрсетеді; оны түзетіп, eject-ті қайта орындаңыз
eject-bad-theme = site.yaml `{ $name }` темасын атайды, бірақ themes/ ішінде мұндай қалта болуы мүмкін емес: онда қалтаның атын жазыңыз (латын әріптері, цифрлар, `-`, `_`) не кірістірілген тема үшін `theme:` жолын алып тастаңыз, содан кейін eject-ті қайта орындаңыз
eject-no-site = { $root } ішінде site.yaml жоқ: `theme eject` теманы сайттың қалтасына көшіреді; сол қалтаны `--root` арқылы көрсетіңіз
eject-themes-link = { $path } — қалта емес (сілтеме не файл): aqparat теманы тек сайттың өз қалтасына жазады; оның орнына қалта қойыңыз

## Output folders (src/write/guard.rs)

refused-site-folder = { $output } ішіне жариялаудан бас тартылды: бұл — сайттың өз қалтасы не одан жоғары қалта, ал жариялау шығыс қалтаны толығымен алмастырады; бөлек --output таңдаңыз, мысалы { $public }
refused-read-folder = { $output } ішіне жариялаудан бас тартылды: ол aqparat оқитын { $folder } қалтасының ішінде (сайттың git тарихы не aqparat-тың өз кэші), жариялау ондағыны алмастырып жібереді; --output үшін одан тыс қалтаны таңдаңыз
refused-input-file = { $output } ішіне жариялаудан бас тартылды: бұл — сайттың { $input } кіріс файлы немесе оның ішіндегі жол, оның орнындағы қалта сайтты бұзады; --output үшін сайттан тыс қалтаны таңдаңыз
refused-input-folder = { $output } ішіне жариялаудан бас тартылды: ол сайттың { $input } кіріс қалтасының ішінде, жариялау оның файлдарын алмастырып жібереді; --output үшін одан тыс қалтаны таңдаңыз
refused-linked-folder = { $output } ішіне жариялаудан бас тартылды: { $link } символдық сілтемесі осы қалта жатқан { $folder } қалтасына апарады, сондықтан келесі құрастыру онда жарияланғанды сайттың өз файлдары ретінде оқып алар еді; --output үшін { $folder } қалтасынан тыс жерді таңдаңыз
refused-symlink = { $output } ішіне жариялаудан бас тартылды: бұл — символдық сілтеме (`aqparat watch` шығысы не өзіңіз жасаған сілтеме); оған `watch` арқылы жариялаңыз немесе басқа --output таңдаңыз
refused-foreign-link = { $output } ішіне жариялаудан бас тартылды: бұл — { $builds } ішіндегі `aqparat watch` құрастыруына емес, { $target } нысанына апаратын символдық сілтеме; сілтемені өшіріңіз немесе басқа --output таңдаңыз
refused-builds-in-site = { $output } ішіне жариялаудан бас тартылды: `aqparat watch` құрастыруларын { $builds } ішінде сақтайды, ал ол { $target } жолына, яғни сайттың { $inside } ішіне апарады, құрастыру файлдарының орны онда емес; { $builds } қалтасын өшіріңіз не атын өзгертіңіз, немесе басқа --output таңдаңыз
refused-watch-builds = { $output } ішіне жариялаудан бас тартылды: ол { $builds } ішінде, онда `aqparat watch` { $link } сілтемесі апаратын құрастыруларды сақтайды, ал ондағы құрастыру ол жариялап отырған сайтты алмастырып жібереді; басқа --output таңдаңыз
refused-cannot-look = { $output } шығыс қалтасын қарау мүмкін емес: { $error }; { $advice }
refused-not-folder = { $output } ішіне жариялаудан бас тартылды: ол бар және қалта емес; оны өзіңіз өшіріңіз немесе басқа --output таңдаңыз
refused-mount-point = { $output } ішіне жариялаудан бас тартылды: оған басқа диск немесе том қосылған, ал aqparat жинақты ескі қалтаның орнына жаңа қалтаны қою арқылы жариялайды, қосылу нүктесінде бұлай болмайды; оның ішіндегі қалтаға жариялаңыз (--output { $output }/site) да, веб-серверді соған бағыттаңыз
refused-foreign-folder = { $output } ішіне жариялаудан бас тартылды: бұл қалтаны aqparat жасамаған (онда aqparat жазған { $stamp } файлы жоқ) және ол бос емес; жариялау оның файлдарын өшіріп жібереді. Басқа --output таңдаңыз немесе ол файлдар керек болмаса, қалтаны өзіңіз өшіріп, қайта құрастырыңыз
refused-foreign-files = { $output } ішіне жариялаудан бас тартылды: оның жоғарғы деңгейінде aqparat жасамаған нәрсе бар: { $files }; жариялау қалтаны тұтастай ауыстырады да, мұның бәрін өшіріп жібереді. Оларды қалтадан шығарыңыз (сайт жариялауға тиіс файл сайттың static/ қалтасына салынады; жарияланған сайттың git репозиторийін басқа жерде ұстап, әр құрастырудан кейін сайтты соған көшірген дұрыс), сосын қайта құрастырыңыз (ол жерден кеткен соң, жұмыс істеп тұрған `watch` сайтты өзі қайта жариялайды)
refused-foreign-files-unpublished = `watch` жарияламаған құрастыру қалтасына, { $folder } ішіне құрастырудан бас тартылды: оның жоғарғы деңгейінде aqparat жасамаған нәрсе бар: { $files }; келесі құрастыру осы қалтадан басталады да, оны жариялап жібереді, ал кейінгі бірі өшіреді. Оларды қалтадан шығарыңыз (сайт жариялауға тиіс файл сайттың static/ қалтасына салынады); ол жерден кеткен соң, жұмыс істеп тұрған `watch` сайтты өзі қайта құрастырады, әйтпесе оны қайта іске қосыңыз
refused-delete = { $dir } өшіруден бас тартылды: оны aqparat жасамаған (онда aqparat жазған { $stamp } файлы жоқ); оны өзіңіз басқа жерге жылжытыңыз
refused-resolve = { $path } жолын анықтау мүмкін емес: { $error }; оның қалталары бар екенін және оларды оқуға болатынын тексеріңіз

## serve and the command line (src/cmd/serve.rs, src/main.rs)

serve-outside-base = { $path } сайттан тыс: сайт өз мекенжайындағыдай { $base_path } жолында ашылады
serve-no-folder = алдын ала қарауға арналған қалтаны { $folder } ішінде жасау мүмкін болмады: { $error }
serve-cannot-listen = { $address } мекенжайын тыңдау мүмкін емес: { $error }
serve-host-refused = бұл алдын ала қарау localhost-қа немесе IP мекенжайына келген сұрауларға ғана жауап береді, { $host } мекенжайына емес: басқа сайттың беті оны браузеріңіз арқылы оқуға тырысып жатқан болуы мүмкін. Оны `aqparat serve` басып шығарған мекенжайдан ашыңыз.
serve-open-to-network = ескерту: сервер { $address } мекенжайын тыңдап тұр, яғни тек осы компьютерді емес: желі арқылы оған жете алатын кез келген адам алдын ала қарауды оқи алады, --drafts арқылы жиналса, жобаларды да. `serve` алдын ала қарауға арналған; сайтты жариялау үшін оны `aqparat build` командасымен жинап, қалтаны веб-сервер арқылы беріңіз (README-дің орналастыру туралы бөлімін қараңыз).
serving = { $root } сайты { $url } мекенжайында көрсетілуде (тоқтату үшін Ctrl+C)
serve-not-built = бұл aqparat-та `serve` жоқ (ол `serve` мүмкіндігінсіз құрастырылған); aqparat-ты әдепкі мүмкіндіктерімен орнатыңыз (бастапқы коды бар қалтада `cargo install --path .`) немесе сайтты `aqparat watch --output DIR` және өз веб-серверіңіз арқылы қараңыз
cli-unknown-command = `{ $name }` деген команда жоқ{ $guess }; командалар: build, check, serve, watch, init және theme
cli-unknown-option = мұнда `{ $name }` деген параметр жоқ{ $guess }
cli-missing-value = `{ $name }` параметрінен кейін мәні жазылуы керек
cli-bad-value = `{ $value }` мәні `{ $name }` параметріне жарамайды: { $why }
cli-unexpected-word = `{ $name }` мұнда артық
cli-bad-value-plain = `{ $value }` мәні `{ $name }` параметріне жарамайды
cli-lang = хабарлама тілдері: en, kk және ru
cli-bind = IP мекенжайын көрсетіңіз: тек осы компьютер үшін 127.0.0.1 (немесе localhost), барлық желі интерфейстері үшін 0.0.0.0, не осы компьютердің мекенжайларының бірі
cli-whole-number = { $least } мен { $most } аралығындағы бүтін санды жазыңыз
cli-help = `aqparat --help` командаларды көрсетеді; `aqparat КОМАНДА --help` (`aqparat build --help`) команданың параметрлерін көрсетеді

## watch, the production loop (src/cmd/watch.rs, src/watch/, src/serve/)

watching = { $root } бақылануда, сайт { $output } ішіне жарияланады
watch-stopped = тоқтатылды
status-not-written = бұл әрекеттің күйін жазу мүмкін болмады: { $error }
status-kept-short = оның орнына `ok: false` деген қысқа күй жазылды
status-kept-removed = ескі күй файлы ештеңені растамауы үшін өшірілді
status-kept-none = күй файлы жоқ
status-kept-stuck = ескі күй файлын өшіру де мүмкін емес: { $error }
status-file-error = ҚАТЕ: { $path } күй файлын жазу мүмкін емес: { $error }; { $kept }. Дискіде орын босатыңыз немесе қалтаның рұқсаттарын түзетіңіз.
lock-cannot-create = { $path } жасау мүмкін емес: { $error }
beside-output-not-ours = { $path } — aqparat жасаған файл емес (ішінде басқа нәрсе бар), ал watch оны қайта жазып жіберер еді: оны басқа жерге көшіріңіз немесе басқа --output таңдаңыз
lock-cannot-open = { $path } құлып файлын ашу мүмкін емес: { $error }
lock-cannot-lock = { $path } құлыптау мүмкін емес: { $error }
lock-holder-pid = басқа бір `aqparat watch` (pid { $pid })
lock-holder = басқа бір `aqparat watch`
lock-held = { $holder } { $output } ішіне жариялап жатыр; бір шығыс қалтаға жариялайтын екі бақылаушы бір-бірінің құрастыруын үстінен жазып тастайды. Алдымен оны тоқтатыңыз немесе басқа --output таңдаңыз (құлып: { $lock })
pid-not-written = ескерту: pid-ті { $path } ішіне жазу мүмкін емес: { $error }
search-index-published = { $pages } беттің іздеу индексі жарияланды
search-index-not-updated = іздеу индексі жаңартылмады: { $error }
rebuild-damaged = { $damage }; бүкіл сайт қайта құрастырылады
damage-output-removed = { $output } шығыс қалтасы өшірілген
damage-build-removed = { $output } сілтейтін құрастыру өшірілген
damage-files-removed = { $output } ішінен жарияланған { $count } файл өшірілген, мысалы { $example }
damage-unreadable = жарияланған { $build } құрастыруын оқу мүмкін емес ({ $error })
file-watcher-error = файл бақылаушысы: { $error }
server-stopped = сервер тоқтады: { $error }
serve-no-build-yet = { $path }: мұнда әзірге ештеңе жоқ — сайт әлі бір рет те қатесіз жиналған жоқ (қателері терминалда). Жинақ сәтті өткенде бұл бет өзі жаңарады.
cannot-accept = қосылымды қабылдау мүмкін емес: { $error }

## Aid statistics (src/validate/data.rs)

aid-organisation = `{ $id }` ұйымы
aid-organisation-itself = { $what } өзін өзінің жоғарғы ұйымы не серіктесі деп көрсетеді
aid-organisation-itself-hint = ұйымның `parent` пен `partners` өрістерінде басқа ұйымдар тұрады; оның өз id-ін алып тастаңыз
aid-record-partner-itself = { $what }: оның ұйымы `{ $org }` `partners` ішінде де тұр
aid-record-partner-itself-hint = жазбаның `partners` өрісінде оның `org` ұйымына көмектескен ұйымдар тұрады: одан ұйымның өз id-ін алып тастаңыз
aid-organisation-ring = бұл ұйымдардың әрқайсысы келесісіне бағынады, соңы біріншісіне қайта оралады: { $ring }
aid-organisation-ring-hint = біреуі ең жоғарғысы, оның `parent` өрісі болмайды: сол `parent` жолын алып тастаңыз
aid-category = `{ $id }` санаты
aid-source = `{ $id }` дереккөзі
aid-unit = `{ $id }` бірлігі
aid-record = `{ $id }` жазбасы
aid-kind-organisation = ұйым
aid-kind-category = санат
aid-kind-source = дереккөз
aid-kind-unit = өлшем бірлігі
aid-kind-record = жазба
aid-field-name = атауы
aid-field-short = қысқа атауы
aid-field-title = атауы
aid-field-what = `what` мәтіні
aid-field-in = `{ $lang }` тіліндегі { $field }
aid-field-noun-form = `{ $lang }` тіліндегі `{ $category }` зат есім түрі
aid-text-missing = { $what }: `{ $lang }` тіліндегі мәтін жоқ
aid-text-missing-hint = мұнда `{ $lang }: …` қосыңыз; әр атау сайттың әр тілінде жазылады: { $languages }
aid-text-empty-hint = `{ $lang }` тіліндегі мәтінді осында жазыңыз; әр мәтін сайттың әр тілінде жазылады: { $languages }
aid-text-cell-hint = осы жолдағы `what_{ $lang }` ұяшығын толтырыңыз; әр жазбаның мәтіні сайттың әр тілінде жазылады: { $languages }
aid-text-column = ешбір жазбада `{ $lang }` тіліндегі мәтін жоқ: бірде-бір жолда `what_{ $lang }` ұяшығы жоқ
aid-text-column-hint = `what_{ $lang }` бағанын қосып, толтырыңыз; әр жазбаның мәтіні сайттың әр тілінде жазылады: { $languages }
aid-text-foreign = { $what }: `{ $lang }` тіліндегі мәтін бар, бірақ бұл тіл сайт тілдерінің қатарында жоқ
aid-forms-foreign = { $what }: `{ $lang }` тіліндегі сөз тұлғалары бар, бірақ бұл тіл сайт тілдерінің қатарында жоқ
aid-text-foreign-hint = site.yaml-дағы тілдерді қолданыңыз: { $languages }
aid-texts-foreign = бұл файлдың { $count } мәтіні `{ $lang }` тілінде жазылған, бұл тіл сайт тілдерінің қатарында жоқ: { $others ->
    [0] осы мәтін және оның жолындағы басқа мәтіндер
    [1] осы мәтін және { $lines }-жолдағы мәтін
   *[other] осы мәтін және { $lines } жолдардағы мәтіндер
    }
aid-texts-foreign-hint = site.yaml-дағы `languages` тізіміне `{ $lang }` тілін қосыңыз; ал сайт `{ $lang }` тілінде болмайтын болса, файлдағы `{ $lang }:` мәтіндерін өшіріп, сайт тілдеріндегі мәтіндерді қалдырыңыз: { $languages }
aid-control = { $what }: { $field } ішінде U+{ $code } басқару таңбасы бар
aid-control-hint-lines = оны өшіріңіз (ол көрінбейді, беттер, диаграммалар мен жүктеп алынатын файлдар оны көрсете алмайды); мәтін көшіріп қойылған болса, оны қайта теріңіз; тек табуляция мен жол ауыстыруға рұқсат бар
aid-control-hint-line = оны өшіріңіз (ол көрінбейді, беттер, диаграммалар мен жүктеп алынатын файлдар оны көрсете алмайды); мәтін көшіріп қойылған болса, оны қайта теріңіз; бұл мәтін бір жолдан тұрады, табуляциясыз
aid-direction-control = { $what }: { $field } ішінде U+{ $code } бар — одан кейінгі мәтінді кері аударатын не орнын ауыстыратын көрінбейтін таңба
aid-direction-control-hint = оны өшіріңіз: ол атауды не санды жазылғаннан басқаша оқытады (оңнан солға жазылатын мәтінде тыныс белгілерін орналастыратын U+200E мен U+200F белгілеріне рұқсат бар); мәтін көшіріп қойылған болса, оны қайта теріңіз
aid-text-too-long = { $what }: { $field } { $max } таңбадан ұзын ({ $length }) — жүктеп алатын кестенің (aid.xlsx) бір ұяшығына мұнша таңба сыймайды
aid-text-too-long-hint = оны қысқартыңыз: көрсеткішке бір-екі жол жетеді, ұзын мәтіннің орны — сайттың бетінде
aid-bad-id = `{ $id }` id-і ({ $kind }) `-` арқылы жалғанған кіші әріпті сөздерден тұрмайды
aid-bad-id-hint = id-ді тек a–z әріптерімен және 0–9 цифрларымен жазыңыз, сөздерді бір `-` арқылы жалғаңыз (мысалы `city-volunteers`), ең көбі { $max } таңба: id-лер файл атаулары мен мекенжайларға айналады
aid-reserved-id = `{ $id }` ұйым id-і бос емес: оны aqparat өзі қолданады
aid-reserved-id-hint = басқа id таңдаңыз: /LANG/infographics/charts/ ішінде әр тілдің диаграммалары, /LANG/infographics/changes/ ішінде көрсеткіштердің тарихы орналасады
aid-unknown = { $context }: белгісіз id `{ $id }` ({ $kind }){ $guess }
aid-unknown-hint = data/aid/{ $file } ішінде анықталған id-ді қолданыңыз: { $known }
aid-unknown-hint-none = data/aid/{ $file } ішінде әзірге бірде-бір id жоқ: мұны сонда қосыңыз
aid-lookup-empty = data/aid/{ $file } ішінде бірде-бір мән («{ $kind }») жоқ, ал жазбалар оларға сілтейді
aid-lookup-empty-hint = жазбалар сілтейтін мәндердің бәрін осы файлға жазыңыз (README-ді қараңыз); файл қателесіп тазартылған болса, оны `git checkout -- data/aid/{ $file }` командасымен қалпына келтіріңіз
aid-quoted-lang = { $what }: `quoted_lang` мәні — `{ $lang }`, ал бұл сайттың тілі емес
aid-quoted-lang-hint = { $languages } тілдерінің бірін жазыңыз: «…» ішіндегі атаудың тілі
aid-invalid-date = { $what }: күн дұрыс емес: { $error }
aid-date-after-today = { $what }: { $date } — бүгіннен ({ $today }) кейінгі күн
aid-date-after-today-hint = сан болып өткен күн туралы айтылады: жылын тексеріңіз
aid-same-day = { $what } `{ $first }` жазбасымен бір нәрсенің (ұйымы, өлшем бірлігі және `what` өрісі бірдей) санын сол күнге, { $day }, береді: екеуі де қосылады
aid-same-day-hint = бір сан екі рет енгізілсе, жазбаның біреуін алып тастаңыз; екі бөлек таратылым болса, оларды `what` өрісінде ажыратыңыз; сан үнемі қайталанып берілсе, оның `frequency` өрісін жазыңыз
aid-date-hint = күнді YYYY-MM-DD түрінде жазыңыз
aid-url = { $what }, `url`: { $problem }
aid-url-hint = дереккөздің `url` өрісі — сандар алынған беттің браузер көрсететін мекенжайы, мысалы `https://example.kz/report`
aid-no-forms = { $what }: `{ $lang }` тіліндегі зат есім түрлері жоқ
aid-no-forms-hint = { $forms } түрлерімен `{ $lang }:` қосыңыз
aid-form-example = { $category } (мысалы, { $example })
list-more = { $list }, { $item }
aid-missing-form = { $what }: `{ $lang }` тіліндегі `{ $category }` көптік түрі жоқ; { $needed }
aid-form-needed-by = ол `{ $id }` жазбасына керек (саны { $count })
aid-form-needed-for = ол { $example } сияқты сандарға керек
aid-forms-needed-hint = `{ $lang }` тіліне мына түрлер керек: { $forms }
aid-unknown-form = { $what }: `{ $lang }` тілінде белгісіз `{ $category }` көптік түрі бар
aid-forms-used-hint = `{ $lang }` тілі мына түрлерді қолданады: { $forms }
aid-duplicate-record = `{ $id }` жазба id-і қайталанады ({ $line }-жолда да бар)
aid-duplicate-record-hint = әр жазбаға өз id-ін беріңіз
aid-unknown-value = { $what }: `{ $field }` мәні белгісіз: `{ $value }`{ $guess }
aid-total-too-large = `{ $id }` жазбасы: `{ $unit }` бірлігінің жиыны { $max } шегінен асып кетеді, ал aqparat бұдан үлкен жиынды есептемейді: { $records } жазбаларының қосындысы одан көп
aid-total-too-large-hint = бұл сандарда қате (артық цифр) жоқ па, тексеріңіз; дұрыс болса, үлкенірек бірлікпен (мыңдап) санаңыз
aid-records-elided = { $first }, … { $last } (барлығы { $count })
aid-count-not-reported = { $what }: саны бар, бірақ `reported: false` деп жазылған
aid-count-not-reported-hint = дереккөз бұл санды берсе, `reported: false` жолын алып тастаңыз, әйтпесе `count` жолын алып тастаңыз
aid-no-count = { $what }: саны жоқ
aid-no-count-hint = `count: N` қосыңыз; дереккөзде сан берілмесе, `reported: false` деп жазыңыз (онда ол 0 емес, «сан берілмеген» деп көрсетіледі)
aid-qualifier-without-count = { $what }: сансыз `qualifier`
aid-qualifier-without-count-hint = `qualifier` жолын алып тастаңыз: нақтылайтын сан жоқ
aid-count-too-large = { $what }: `{ $count }` саны { $max } шегінен үлкен, aqparat бұдан үлкен санды қабылдамайды
aid-count-too-large-hint = санда қате жоқ па, тексеріңіз; сан ең көбі 1 000 000 000 000 (10^12) бола алады
aid-count-negative-number = { $what }: { $count } саны теріс
aid-count-negative = { $what }: `{ $count }` саны теріс
aid-count-negative-hint = сан — 0-ден кіші емес бүтін сан
aid-count-not-digits = { $what }: `{ $count }` саны цифрлармен жазылған бүтін сан емес
aid-count-leading-zeros = { $what }: `{ $count }` саны артық нөлден басталады
aid-count-not-digits-hint = санды цифрлармен жазыңыз: { $digits }
aid-count-not-whole = { $what }: `{ $count }` саны бүтін сан емес
aid-count-not-whole-hint = сан — 320 сияқты бүтін сан, бос орынсыз және өлшем бірлігінсіз
aid-count-quoted = { $what }: `{ $count }` саны мәтін ретінде, тырнақшаның ішінде жазылған
aid-count-quoted-hint = санды тырнақшасыз жазыңыз: { $digits }
aid-count-grouped = { $what }: `{ $count }` санының цифрларының арасында бос орын не белгі тұр
aid-count-grouped-hint = цифрларды бос орынсыз, үтірсіз және нүктесіз, бірге жазыңыз: { $digits }
aid-both-date-and-period = { $what }: `date` те, `{ $period }` те жазылған
aid-both-date-and-period-hint = `date` — сан қай күнгі екенін көрсетеді, `period` — ол қамтитын кезең; біреуін қалдырыңыз
aid-both-date-and-period-cells-hint = `date` — сан қай күнгі екенін көрсетеді, `period_from` пен `period_to` — ол қамтитын кезең; біреуін бос қалдырыңыз
aid-invalid-period = { $what }: кезең дұрыс емес: { $error }
aid-invalid-period-hint = YYYY-MM-DD түрінде жазыңыз, ал дереккөз тек айды берсе, YYYY-MM түрінде
aid-empty-period = { $what }: кезең бос
aid-empty-period-hint = `from:`, `to:` немесе екеуін де жазыңыз
aid-period-backwards = { $what }: кезең басталмай ({ $from }) тұрып аяқталады ({ $to })
aid-period-backwards-hint = `{ $from }` мен `{ $to }` орнын ауыстырыңыз немесе күнді түзетіңіз

## Сайтқа қосылған тіл (src/validate/)
fallback-hint = { $hint }; оған дейін `{ $lang }` тіліндегі беттерде `{ $default }` тіліндегі { $stand_in } көрсетіледі
stand-in-text = мәтін
stand-in-figure = көрсеткіш
config-notice-missing = хабарландыруда `{ $lang }` тіліндегі мәтін жоқ
config-notice-missing-hint = мұнда `{ $lang }: …` қосыңыз; оған дейін `{ $lang }` тіліндегі беттерде `{ $default }` тіліндегі хабарландыру көрсетіледі

## Ашық деректер (src/validate/config.rs)
open-data-missing = сайтта статистика бар (data/aid/), бірақ site.yaml оның ашық деректері қай лицензиямен және кімнің атынан жарияланатынын айтпайды
open-data-missing-hint = `open_data: {"{"} licence: CC-BY-4.0, publisher: {"{"} { $names } {"}"} {"}"}` жолын қосып, жариялаушының атауын әр тілде жазыңыз (README, "site.yaml" бөлімін қараңыз)
open-data-licence = open_data: `{ $licence }` — aqparat білмейтін лицензия{ $guess }
open-data-licence-hint = ашық лицензияның SPDX белгісін жазыңыз, мыналардың бірін: { $list }
open-data-publisher-lang = жариялаушы атауында `{ $lang }` тіліндегі мәтін бар, бірақ бұл тіл сайт тілдерінің қатарында жоқ
open-data-publisher-lang-hint = `languages` тізіміне `{ $lang }` тілін қосыңыз не жариялаушының `{ $lang }:` атауын өшіріңіз
what-publisher = `{ $code }` тіліндегі жариялаушы атауы
open-data-publisher-empty = open_data: жариялаушының `{ $code }` тіліндегі атауы бос
open-data-publisher-empty-hint = деректерді жариялайтын ұйымның атауын жазыңыз
open-data-publisher-missing = open_data: жариялаушының `{ $code }` тіліндегі атауы жоқ
open-data-publisher-missing-hint = жариялаушының атауын сайттың әр тілінде жазыңыз, мысалы `{ $code }: …`
open-data-publisher-fallback-hint = мұнда `{ $code }: …` қосыңыз; оған дейін `{ $code }` тіліндегі беттерде `{ $default }` тіліндегі атау көрсетіледі

## The build date (src/options.rs)
build-date-invalid = SOURCE_DATE_EPOCH мәні `{ $value }`: бұл 1970-01-01 мен 9999 жылдың соңы аралығындағы секундтардың бүтін саны емес
clock-invalid = { $variable } мәні `{ $value }`: бұл күн де (2026-03-02), RFC 3339 уақыты да (2026-03-02T09:00:00+05:00) емес

## Aliases, old addresses of moved pages (src/address.rs, src/validate/pages.rs)
alias-not-absolute = `{ $alias }` бүркеншік мекенжайы `/` белгісінен басталмайды; ескі мекенжайды сайт мекенжайынан кейінгі бөлігімен жазыңыз, мысалы `/ru/old-name/`
alias-character = бүркеншік мекенжайдың `/` белгілерінің арасында әріптер, цифрлар және `-_.~!*(),+=@:` ғана болады, { $char } болмайды
alias-folders = `{ $alias }` бүркеншік мекенжайында бос бума не атауы `.` белгісінен басталатын бума бар (ол жасырын: сервер оны бермейді) немесе ол тым ұзын; ескі мекенжайды бумалармен жазыңыз, мысалы `/ru/old-name/`
alias-taken = `{ $alias }` бүркеншік мекенжайы — { $what } мекенжайы
alias-taken-hint = бүркеншік мекенжай — енді беті жоқ ескі мекенжай; оны өшіріңіз немесе беттің бұрынғы мекенжайын жазыңыз
alias-content = `{ $alias }` бүркеншік мекенжайы — { $path } { $kind ->
    [home] басты бетінің
    [section] бөлімінің
   *[page] бетінің
} мекенжайы
alias-content-hint = бүркеншік мекенжай — қазір ешбір беттің мекенжайы емес ескі мекенжай; оны өшіріңіз, ал бұл бет сол мекенжайды алуы керек болса, алдымен { $path } файлының атын өзгертіңіз
alias-own = `{ $alias }` бүркеншік мекенжайы — осы беттің өз мекенжайы
alias-own-hint = оны өшіріңіз: бет онсыз да осы мекенжайда тұр
alias-through-file = `{ $alias }` бүркеншік мекенжайының бағыттау беті үшін /{ $file }/ бумасы керек, бірақ /{ $file } — { $what }
alias-twice = `{ $alias }` бүркеншік мекенжайы { $other } бетінде де бар
alias-twice-hint = бір ескі мекенжай тек бір бетке апара алады; оны өзіне тиесілі бетте қалдырыңыз
alias-twin = `{ $alias }` бүркеншік мекенжайы { $other } мекенжайынан тек бас әріптерімен немесе әріптің кодталуымен ғана ерекшеленеді: Windows пен macOS жүйесінде екеуі бір қалта болады да, қайта бағыттау ондағыны ауыстырады
alias-twin-hint = сайттың басқа мекенжайынан тек осымен ғана ерекшеленетін ескі мекенжайды сақтау мүмкін емес: бүркеншік мекенжайды өшіріңіз

## Links to other sites, check --external (src/external/, src/main.rs)

external-broken = басқа сайтқа апаратын сілтеме жұмыс істемейді: { $url } ({ $problem })
external-broken-hint = мекенжайды түзетіңіз немесе сілтемені алып тастаңыз; сайт уақытша ғана істемей тұрса, келесі `aqparat check --external` оны қайта тексереді
external-status = сервер { $status } кодымен жауап берді
external-timeout = { $seconds } секунд ішінде жауап болмады
external-host-not-found = мұндай хост жоқ (DNS)
external-refused = сервер қосылудан бас тартты
external-tls = қауіпсіз байланыс (HTTPS) орнамады: { $error }
external-redirects = қайта бағыттау тым көп (шегі — { $count })
external-failed = сұрау орындалмады: { $error }
external-cache-unreadable = басқа сайттарға сілтемелер кэшін оқу мүмкін емес, ол ескерілмейді: { $error }
external-cache-unwritable = басқа сайттарға сілтемелер кэшін жазу мүмкін емес: { $error }
external-cache-not-a-folder = `.aqparat` — сайттың қалтасы емес (ол сілтеме не файл), сондықтан басқа сайттарға сілтемелер кэші онда жазылмайды
external-cache-hint = `aqparat check --external` жұмыс істейтін сілтемелерді `--cache-hours` сағат (әдепкіде бір тәулік) өткен соң ғана қайта тексеру үшін оны сақтайды; бұл қайталана берсе, `.aqparat/` қалтасын өшіріңіз
external-not-built = бұл aqparat-та `check --external` жоқ (ол `external` мүмкіндігінсіз құрастырылған); aqparat-ты әдепкі мүмкіндіктерімен орнатыңыз (бастапқы коды бар қалтада `cargo install --path .`)
external-summary = басқа сайттарға сілтемелер: { $asked } мекенжай тексерілді, кэш бойынша { $cached } мекенжай жұмыс істейді, { $dead } мекенжай жұмыс істемейді
