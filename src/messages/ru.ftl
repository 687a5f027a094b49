# Сообщения aqparat для сотрудников, по-русски (перевод en.ftl). Имена
# файлов, ключи YAML и команды не переводятся и остаются в `...`.

## Diagnostics (src/diag.rs)

severity-error = ошибка
severity-warning = предупреждение
help = подсказка
did-you-mean = {" "}(может быть, `{ $name }`?)

## Summaries (src/cmd/build.rs)

count-errors = { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
   *[other] { $count } ошибок
    }
count-warnings = { $count ->
    [one] { $count } предупреждение
    [few] { $count } предупреждения
   *[other] { $count } предупреждений
    }
build-failed = сборка не удалась: { $errors }, { $warnings }{ $strict }; ничего не записано, папка { $output } не изменилась
check-failed = проверка не пройдена: { $errors }, { $warnings }{ $strict }
built-some = собрано страниц: { $pages } ({ $rendered } заново, остальные без изменений), в { $output } за { $seconds } с ({ $warnings })
built = собрано страниц: { $pages }, в { $output } за { $seconds } с ({ $warnings })
checked = проверено страниц: { $pages } за { $seconds } с: ошибок нет, { $warnings }
built-images = изображения: закодировано { $encoded }, взято из кэша { $cached } (.aqparat/cache/images/)
built-waiting = { $count ->
    [one] страница с датой позже сегодняшней пока не опубликована: { $pages }{ $more } (`--future` собирает её для предпросмотра)
   *[other] страницы с датой позже сегодняшней пока не опубликованы ({ $count }): { $pages }{ $more } (`--future` собирает их для предпросмотра)
    }
built-waiting-more = {" "}и ещё { $count }
image-no-alt = изображение без альтернативного текста: `{ $src }`
image-no-alt-hint = напишите в квадратных скобках, что на изображении, например `![Врач в маске](masks.jpg)`, — для читателей, которые его не видят; у изображения, которое только украшает страницу, текст — `{ $decorative }`: `![{ $decorative }](border.png)`
image-missing = изображение не найдено: `{ $src }`{ $guess }
image-missing-hint = относительный путь читается из папки страницы (`![…](masks.jpg)` в `content/rules/x.ru.md` — это `content/rules/masks.jpg`, общий для обоих языков); путь от `/` — статический файл (`/img/a.png` — это `static/img/a.png`)
image-format = `{ $path }` — не изображение, которое aqparat может опубликовать
image-format-hint = сохраните его как JPEG, PNG или WebP (фотографии и рисунки, уменьшаются для телефонов), GIF или SVG (публикуются как есть)
image-unreadable = не удаётся прочитать изображение `{ $path }`: { $error }
image-unreadable-hint = файл может быть повреждён или не того формата, что в его имени: откройте его в графическом редакторе и сохраните заново как JPEG, PNG или WebP
image-too-large = изображение `{ $path }` размером { $size } пкс больше, чем может обработать aqparat: не более { $max_megapixels } Мпкс всего (ширина × высота) и { $max_side } пкс по стороне, а при ширине { $page_width } пкс — не выше { $max_height } пкс
image-too-large-hint = уменьшите изображение, прежде чем добавлять его на сайт, например командой «Изменить размер» или «Экспорт» в графическом редакторе: достаточно 1440 пкс в ширину, шире страницы его не показывают
strict-note = {" "}(с --strict предупреждения считаются ошибками)

## Fatal errors (src/error.rs)

cannot-write-output = не удаётся записать сайт в { $output }: { $error }; { $advice }
output-advice-room = освободите место на диске или выберите другую папку --output
output-advice-permission = проверьте, что у вас есть право записи туда, или выберите другую папку --output
output-advice-name = имя файла или папки в ней длиннее, чем позволяет файловая система: сократите имена файлов и папок в content или выберите более короткий путь --output
output-advice-output-name = сам путь --output длиннее, чем позволяет файловая система (имя папки длиннее 255 байт, считая и временную папку сборки, которую aqparat создаёт рядом под тем же именем): выберите более короткий путь --output
output-advice-not-folder = { $file } — файл, а не папка, и внутри него ничего не создать: выберите другую папку --output
output-advice-link-to-nowhere = { $link } — символическая ссылка в никуда, и папку через неё не создать: создайте то, на что она ведёт, удалите ссылку или выберите другую папку --output
output-advice-any = проверьте, что на диске есть место и что у вас есть право записи туда, или выберите другую папку --output
cannot-make-search-index = не удаётся создать поисковый индекс { $output }: { $error }; ничего не опубликовано. { $advice }
search-advice-room = Освободите место на диске и соберите ещё раз
search-advice-any = Соберите ещё раз или укажите `search: false` в site.yaml, чтобы опубликовать сайт без поискового индекса

## The serve overlay (src/serve/)

overlay-title = aqparat: на сайте есть ошибки; показана последняя удачная сборка

## YAML (src/load/yaml.rs)

yaml-tag = явный тег YAML `{ $tag }` недопустим{ $more }
yaml-tag-more = {" "}(и ещё { $count } в этом файле)
yaml-tag-hint = уберите тег: напишите значение как есть, а текст — в кавычках (`"…"`); тип значения aqparat определяет сам
yaml-unknown-key = неизвестный ключ `{ $key }`; здесь допустимы ключи: { $known }{ $guess }
yaml-unknown-value = недопустимое значение `{ $value }`; здесь допустимы: { $known }{ $guess }
yaml-missing-key = нет обязательного ключа `{ $key }`
yaml-missing-key-of = `{ $name }`: нет обязательного ключа `{ $key }`
yaml-repeated-key = ключ `{ $key }` указан дважды
yaml-second-document = здесь, после строки `---`, начинается второй документ, а в файле он может быть только один
yaml-empty = в файле нечего читать: он пуст или в нём одни комментарии
yaml-not-a-figure = `{ $value }` — не число: запишите число цифрами
yaml-number-too-large = `{ $value }` — слишком большое число для этого значения
yaml-number-too-small = `{ $value }` — меньше наименьшего числа, допустимого для этого значения
yaml-number-hint = проверьте, нет ли в числе опечатки
yaml-aliases-too-much = якоря (`&`) и ссылки (`*`) здесь разворачиваются в слишком большой объём данных
yaml-wrong-kind = здесь ожидается { $expected }, а не { $found }
yaml-wrong-form = здесь ожидается { $expected }; это значение не подходит
yaml-unreadable = это место не читается: { $error }
yaml-too-deep = здесь списки и словари вложены друг в друга глубже, чем читает aqparat
yaml-comment-cut = в YAML `#` после пробела начинает комментарий: текст здесь — только `{ $value }`, а `{ $comment }` отброшено
yaml-comment-cut-hint = если `#` — часть текста, возьмите весь текст в кавычки: `{ $quoted }`; комментарий пишут на отдельной строке
yaml-kind-whole-number = целое число
yaml-kind-number = число
yaml-kind-text = текст
yaml-kind-list = список
yaml-kind-mapping = словарь (строки `key: value`)
yaml-kind-boolean = `true` или `false`
yaml-kind-empty = пустое значение
yaml-kind-single = одно значение (текст, число, `true` или `false`), а не список или словарь
yaml-kind-ui-string = текст или его формы по числу (`one: …`, `few: …`, `many: …`, `other: …`)
yaml-control-character = в этой строке есть управляющий символ U+{ $code }: он невидим и недопустим
yaml-control-character-hint = удалите его (если он не виден, наберите текст вокруг него заново)
yaml-tab = символ табуляции там, где YAML допускает только пробелы
yaml-tab-hint = замените табуляцию пробелами (редактор можно настроить так, чтобы клавиша Tab вставляла пробелы)
yaml-quote-unclosed = кавычка { $quote }, открытая здесь, не закрыта в этой строке, и YAML читал текст дальше, до кавычки в строке { $line }
yaml-quote-unclosed-hint = поставьте закрывающую кавычку { $quote } там, где кончается текст
yaml-hint-unknown-field = проверьте написание этого ключа; допустимы только перечисленные ключи
yaml-hint-unknown-value = проверьте написание этого значения; допустимы только перечисленные
yaml-hint-missing-field = добавьте этот ключ: он обязателен
yaml-hint-missing-written = добавьте этот ключ: он обязателен; если он уже написан как `{ $key }`, исправьте написание
yaml-hint-empty = напишите значение после `:`; ключ, после которого ничего нет, не имеет значения
yaml-hint-single = напишите после ключа одно значение, без `[…]`, `{"{"}…{"}"}` и пунктов `- `; текст, который начинается с `[` или `{"{"}` либо содержит `: `, возьмите в кавычки
yaml-hint-colon = значение, в котором есть `: `, нужно взять в кавычки, например title: 'Біргеміз: Білім'; или исправьте отступ этой строки
yaml-hint-duplicate = этот ключ встречается дважды; оставьте один из них
yaml-hint-second-document = удалите эту строку `---` (и строку `...` перед ней): файл — это один документ; то, что идёт после неё, перенесите в отдельный файл или внутрь этого
yaml-hint-depth = списки и словари вложены здесь глубже, чем нужно любому файлу сайта; проверьте скобки и отступы
yaml-hint-alias = этот файл разворачивается в слишком большой объём данных (якоря `&` и ссылки `*`, вложенные друг в друга); выпишите значения явно
yaml-hint-bool = напишите `true` (да) или `false` (нет)
yaml-hint-list = здесь нужен список, даже из одного пункта: каждый пункт на отдельной строке под ключом, с отступом, после `- ` (  - /old-page/)
yaml-hint-type = у этого значения неверный тип или вид; текст, в котором есть `:`, `#`, `[` или `{"{"}`, возьмите в кавычки
yaml-hint-syntax = исправьте здесь синтаксис YAML: `key: value`, по одному на строке, вложенные ключи — с отступом в два пробела
yaml-quote-inside = эта кавычка { $quote } закрывает текст в кавычках, а после неё идёт ещё текст: кавычка внутри текста в таких же кавычках его заканчивает
yaml-quote-inside-hint = кавычки внутри текста напишите «ёлочками» или возьмите весь текст в одинарные кавычки, удвоив каждый `'` в нём: `{ $quoted }`
yaml-unknown-anchor = `*{ $name }` повторяет значение, отмеченное `&{ $name }`, но выше нет значения с такой отметкой
yaml-unknown-anchor-hint = отметьте значение, которое нужно повторить, знаком `&{ $name }` выше этой строки (`{ $key }: &{ $name } …`) или напишите здесь само значение вместо `*{ $name }`
yaml-quote-never-closed = кавычка { $quote }, открытая здесь, нигде не закрыта
yaml-cannot-start = в YAML значение не может начинаться с `{ $char }`
yaml-cannot-start-hint = возьмите весь текст в кавычки: `{ $quoted }`
yaml-unknown-escape = в тексте в двойных кавычках `\` начинает особый символ, а `{ $escape }` таким символом не является
yaml-unknown-escape-hint = возьмите текст в одинарные кавычки, в них `\` — обычный символ: `{ $quoted }`; или напишите каждый `\` дважды (`\\`)
yaml-no-colon = в этой строке после ключа нет `: `, поэтому YAML не может прочитать её как `key: value`
yaml-no-colon-hint = поставьте `: ` (двоеточие и пробел) между ключом и значением; если строка продолжает значение предыдущей, допишите её к той строке
yaml-not-a-key = здесь YAML ожидал ключ (`key: value`) на одном уровне с ключами выше
yaml-stray-bracket = эта скобка { $bracket } закрывает скобку, которая не была открыта
yaml-stray-bracket-hint = удалите её, а если скобка относится к тексту, возьмите весь текст в кавычки
yaml-colon = двоеточие с пробелом после него отмечают ключ, а ключа здесь быть не может: это середина значения или строка с отступом больше, чем у ключей выше
yaml-hint-whole-number = напишите целое число цифрами, без точки и слов, например `10`
yaml-hint-number = напишите число цифрами, дробную часть — через точку, например `10` или `2.5`
yaml-hint-mapping = напишите ключи этого значения на строках под ним, с отступом в два пробела: `key: value`, по одному на строке

## Links (src/render/links.rs, site.rs)

link-on-page = { $message } (на странице { $url })
link-on-page-and-one = { $message } (на странице { $url } и ещё на одной)
link-missing-file = ссылка на страницу или файл, которых нет в сборке: `{ $target }`{ $guess }
link-missing-file-hint = ссылайтесь на страницу по её исходному пути, например `@/rules/quarantine.md`, или проверьте адрес: страница `content/rules/x.kk.md` находится по адресу `/kk/rules/x/`, статический файл `static/img/a.png` — по адресу `/img/a.png`
link-not-read = эта ссылка не читается как ссылка и показывается на странице как написана: в её адресе есть пробел
link-not-read-hint = возьмите адрес в угловые скобки, `<{ $address }>`; файл лучше назвать без пробелов (`Фото-карта.jpg`)
link-missing-anchor = ссылка на несуществующий якорь: #{ $fragment }{ $guess } в { $page }
link-no-ids-hint = на той странице нет ни одного элемента с id; ссылайтесь на страницу без `#…`
link-ids-hint = на той странице нет элемента с таким id; её id: #{ $ids }
link-missing-own-anchor = ссылка на якорь, которого нет на самой странице: #{ $fragment }{ $guess }
link-missing-own-anchor-hint = на странице нет элемента с таким id; сошлитесь на id, который на ней есть (у заголовка или заданный шаблоном), или задайте этот id какому-нибудь элементу
link-outside-base = ссылка за пределы сайта: `{ $path }` не находится внутри адреса сайта { $base_url }{ $guess }
link-outside-base-hint = сайт опубликован по адресу { $base_url }: каждая ссылка на нём начинается с `{ $base_path }`; в шаблоне пишите `{"{{"} site.base_path {"}}"}…`, а в Markdown ссылайтесь на страницы по исходному пути (`@/rules/quarantine.md`), на страницы, которые делает сам aqparat (инфографику), — путём от страницы (`../infographics/`), а на файлы из static/ — с `{ $base_path }` перед их путём
link-on-page-and-others = { $message } (на странице { $url } и ещё на { $others ->
        [one] { $others } странице
       *[other] { $others } страницах
    })
anchor-no-headings = в ней нет заголовков: добавьте заголовок с этим id (`## … {"{"}#{ $anchor }{"}"}`) или ссылайтесь на страницу без `#{ $anchor }`
anchor-headings = её заголовки: #{ $ids }
anchor-headings-first = её первые { $shown } заголовков из { $all }: #{ $ids }
anchor-hint = { $known }; сошлитесь на один из них или задайте этот id заголовку с помощью `{"{"}#{ $anchor }{"}"}`

## Rendering (src/render/)

render-template = не удаётся отрисовать шаблон `{ $template }`: { $error }
render-template-hint = проверьте, что шаблон есть в папке templates/ темы и что выше не указаны ошибки в нём

## Files (src/load/files.rs)

symlink-outside = это символическая ссылка, ведущая за пределы папки сайта; aqparat не читает и не публикует её
symlink-outside-hint = скопируйте файл в папку сайта вместо ссылки на него или удалите ссылку
symlink-broken = эта символическая ссылка никуда не ведёт{ $target }
symlink-target = {" "}(на `{ $target }`)
symlink-broken-hint = удалите ссылку или направьте её на файл внутри папки сайта
symlink-links-loop = эта символическая ссылка{ $target } входит в круг ссылок, ведущих друг на друга, и не ведёт ни к файлу, ни к папке
symlink-links-loop-hint = направьте одну из ссылок круга на файл или папку сайта (а не на другую ссылку круга) или удалите эти ссылки
symlink-not-site-file = через символическую ссылку этот путь ведёт к `{ $target }`, а это не часть сайта (скрытый путь или исключённый в .gitignore); aqparat не читает и не публикует его
symlink-not-site-file-hint = замените ссылку копией файла или направьте её на файл сайта, который не скрыт и не исключён в .gitignore
symlink-into-output = через символическую ссылку этот путь ведёт внутрь `{ $output }` — папки, которую собрал aqparat (результата сборки); aqparat не читает и не публикует её
symlink-into-output-hint = удалите ссылку: результат сборки делается из сайта и никогда не читается обратно; сошлитесь на файл сайта, из которого он сделан, или положите его копию в static/
not-a-file = это { $kind }, а не файл, который aqparat может прочитать
kind-fifo = именованный канал (FIFO)
kind-socket = сокет
kind-device = устройство
kind-folder = папка
kind-file = файл
kind-special = специальный файл
not-a-file-hint = замените его обычным файлом или удалите
not-a-folder = это { $kind }, а не папка: aqparat читает файлы сайта только из папки `{ $name }/` и отсюда ничего не читает
not-a-folder-hint = переименуйте или уберите его; то, что должно лежать в `{ $name }`, кладут в папку с этим именем
cannot-read-file = не удаётся прочитать этот файл: { $error }
cannot-read-folder = не удаётся прочитать эту папку: { $error }
unreadable-permission-hint = у пользователя, от имени которого запущен aqparat, нет права его читать: исправьте права доступа (например, chmod a+r) или удалите его
unreadable-hint = проверьте, что файл существует и доступен для чтения
walk-unreadable-hint = проверьте, что он существует и доступен для чтения
not-utf8 = этот файл не является текстом в кодировке UTF-8
not-utf8-hint = сохраните файл в кодировке UTF-8 (в большинстве редакторов: «Сохранить как…» → «Кодировка: UTF-8»)
file-name-not-utf8 = имя этого файла — не текст в UTF-8 (такие имена бывают у файлов, распакованных из архива, сделанного в Windows), и прочитать его как имя нельзя
folder-name-not-utf8 = имя этой папки — не текст в UTF-8 (такие имена бывают у папок, распакованных из архива, сделанного в Windows), и ничего из неё не читается
name-not-utf8-hint = переименуйте, набрав имя заново (надёжнее всего латинские буквы, цифры и дефисы)
symlink-loop = эта символическая ссылка ведёт в папку, в которой сама находится (петля)
symlink-loop-hint = удалите ссылку или направьте её в другую папку

## Loading (src/load/)

no-content = в { $root } нет папки content/
no-content-hint = создайте папку content/ с главной страницей на каждом языке, content/_index.LANG.md; или запустите aqparat в папке сайта (--root DIR)
no-front-matter = у страницы нет front matter (блока YAML в начале)
no-front-matter-hint = начните файл строкой `---`, затем напишите `title: …`, затем ещё одну строку `---`
front-matter-unclosed = блок front matter, открытый этой строкой `---`, нигде не закрыт
front-matter-unclosed-hint = добавьте строку из одного `---` после последнего ключа (`title: …`, `date: …`), перед текстом страницы
no-language-suffix = в имени файла нет суффикса языка
no-language-suffix-hint = назовите его `{ $stem }.LANG.md`, где LANG — один из языков site.yaml, например `{ $stem }.kk.md`
gitignore-pattern = aqparat не понимает этот шаблон ({ $error }) и пропускает его
gitignore-pattern-hint = запишите его так, как описано в gitignore(5); проверить шаблон можно командой `git check-ignore -v PATH`
no-site-yaml = в { $root } нет site.yaml
no-site-yaml-hint = запустите aqparat в папке сайта или укажите --root DIR
root-not-folder = { $root } — это файл, а не папка сайта
root-missing = папки { $root } не существует
data-name-taken = `data.{ $stem }` — это также { $other }
data-name-taken-hint = переименуйте один из файлов: шаблоны видят каждый файл данных по его имени
data-name-aid = `data.aid` — это статистика из data/aid/: файл данных не может называться так же
data-name-aid-hint = переименуйте файл: шаблоны видят каждый файл данных по его имени, а имя `aid` занято статистикой
stats-file-missing = этого файла статистики нет
stats-file-missing-hint = в data/aid/ нужны organisations.yaml, units.yaml, categories.yaml, sources.yaml и records.yaml (или records.csv); `aqparat init --statistics НОВАЯ-ПАПКА` создаст их набор, из которого можно скопировать
stats-left-out = статистика исключена в .gitignore: git не включает её в коммиты, поэтому aqparat её тоже не читает, и сайт собирается без неё
stats-file-left-out = этот файл статистики есть, но он исключён в .gitignore: git не включает его в коммиты, поэтому aqparat его тоже не читает
stats-left-out-hint = уберите из .gitignore правило, которое исключает { $path } (какое именно, покажет `git check-ignore -v { $path }`)
stats-file-folder = это папка, а { $name } должен быть файлом
stats-file-folder-hint = сначала перенесите из папки файлы, которые в ней лежат (файл статистики — в data/aid/), затем удалите пустую папку: { $name } должен быть файлом в data/aid/
data-aid-unread = aqparat не читает этот файл: статистика — это organisations.yaml, units.yaml, categories.yaml, sources.yaml и records.yaml (или records.csv) в data/aid/, и никакой другой файл{ $guess }
data-aid-unread-hint = переименуйте его в один из них или перенесите его записи в records.yaml (все записи — в одном файле); всё остальное уберите из data/aid/
data-unknown-kind = aqparat читает в data/ только файлы YAML (.yaml, .yml), CSV (.csv) и JSON (.json); этот файл пропущен
data-unknown-kind-hint = если это данные для шаблонов, дайте файлу одно из этих расширений; иначе уберите его из data/ (файлы для скачивания кладут в static/)
content-not-md = этот файл не читается как страница: страницы — только файлы с окончанием `.md`
content-not-md-hidden-end = этот файл не читается как страница: его имя после `.md` кончается точкой или пробелом, которых Windows не показывает
content-not-md-hint = переименуйте его в `{ $name }`, если это страница; если нет, уберите его из content/ (файлы для скачивания кладут в static/)
json-error = это место не читается: { $error }
json-error-hint = проверьте здесь синтаксис JSON: пропущенная или лишняя запятая, незакрытая скобка или кавычка
json-ends-early = файл кончается раньше, чем это значение
json-expected-value = здесь должно быть значение: текст в двойных кавычках, число, `true`, `false`, `null`, список `[…]` или объект `{"{"}…{"}"}`
json-expected-comma = здесь должна быть запятая или скобка, закрывающая список или объект
json-expected-colon = здесь должно быть двоеточие между ключом и его значением
json-key-not-text = ключ должен быть текстом в двойных кавычках
json-trailing-comma = запятая перед закрывающей скобкой: после последнего элемента JSON её не допускает
json-trailing-text = после конца значения файла написано что-то ещё
json-too-deep = списки и объекты вложены здесь глубже 128 уровней
json-number-too-large = это число слишком велико, чтобы его прочитать
json-control-character = управляющий символ внутри строки: перевод строки пишите как `\n`, табуляцию как `\t`
csv-no-header = в этом CSV-файле нет строки заголовков
csv-no-header-hint = в первой строке пишут названия столбцов, как в опубликованном /data/aid.csv: id, organisation, category, count, unit, what_kk, what_ru, source и другие, которые вы используете
csv-duplicate-column = столбец `{ $name }` назван дважды (первый — с { $col }-го символа строки)
csv-duplicate-column-hint = переименуйте или удалите один из них
csv-extra-cell = в этой строке больше ячеек, чем столбцов в строке заголовков
csv-extra-cell-hint = назовите столбец в строке заголовков или удалите ячейку
csv-unclosed-quote = эта кавычка открывает ячейку, которая не закрыта там, где кончается: строки после неё вошли бы в эту ячейку
csv-unclosed-quote-hint = закройте ячейку кавычкой `"` там, где она кончается; кавычка внутри ячейки в кавычках пишется дважды: `""`
csv-not-utf8-hint = в Excel сохраните его через «Файл → Сохранить как → CSV UTF-8 (разделитель — запятая)»; в LibreOffice выберите кодировку «Юникод (UTF-8)»
records-header-unknown = в первой строке нет ни одного названия столбца, которое читает aqparat; это должна быть строка заголовков с названиями столбцов
records-unknown-column = неизвестный столбец `{ $name }`{ $guess }
records-columns-hint = столбцы: { $columns }, а также по одному на каждый язык сайта: { $what }
records-missing-column = в строке заголовков нет столбца `{ $name }`, а он нужен каждой записи
records-empty-cell = у этой записи не заполнено `{ $name }`
records-empty-cell-hint = заполните ячейку: она нужна каждой записи
records-short-row = строка кончается раньше своих ячеек `{ $names }`, а они нужны каждой записи
records-short-row-hint = допишите недостающие ячейки: в строке по ячейке на каждый столбец заголовка, пустая ячейка — это ничего между { $delimiter ->
    [semicolon] двумя точками с запятой (`;`)
    [tab] двумя табуляциями
   *[comma] двумя запятыми
}
records-bad-boolean = `reported` равно `{ $value }`, а не true или false
records-bad-boolean-hint = напишите false, если в источнике нет цифры (count тогда оставьте пустым); иначе оставьте ячейку пустой
records-both = в data/aid/ есть и records.yaml, и records.csv
records-both-hint = оставьте записи в одном из файлов, а другой удалите

## Pages (src/validate/pages.rs)

page-no-title = у страницы нет заголовка
page-no-title-hint = добавьте во front matter строку `title: …`
page-empty-title = заголовок пуст
page-empty-title-hint = напишите заголовок страницы после `title:`
page-invalid-date = неверное значение { $name }: { $error }
page-date-hint = запишите дату в виде YYYY-MM-DD, например 2020-04-03
page-updated-before-date = `updated` ({ $updated }) раньше, чем `date` ({ $date })
page-updated-before-date-hint = `updated` — дата последнего изменения; она не может быть раньше даты публикации
page-expires-before-date = `expires` ({ $expires }) не позже, чем `date` ({ $date })
page-expires-before-date-hint = `expires` — первый день, когда страница больше не действует; укажите день после даты публикации или уберите `expires`
page-unknown-template = в теме нет шаблона `{ $template }`{ $guess }
page-own-template = `{ $template }` — шаблон страницы, которую aqparat делает сам ({ $what }); он показывает то, что есть только у неё, и странице из content/ не подходит
page-section-template = `{ $template }` — шаблон разделов (`_index.md`): он показывает список страниц раздела, которого у обычной страницы нет
use-one-of = используйте одно из: { $list }
page-bad-file-name = в имени файла `{ $name }` есть символы, недопустимые в адресе
page-bad-folder-name = в имени папки `{ $name }` есть символы, недопустимые в адресе
page-bad-name-hint = переименуйте его в `{ $name }`: имена страниц и папок состоят из букв, цифр, `-`, `_` и `.`
page-unknown-lang = языка `{ $lang }` нет среди языков сайта
page-unknown-lang-hint = добавьте `{ $lang }` в `languages` в site.yaml; а если страниц на `{ $lang }` на сайте быть не должно, удалите файл или переименуйте его, взяв один из суффиксов { $suffixes }
page-unknown-lang-country-hint = `{ $lang }` — код страны, а не языка: переименуйте файл так, чтобы он оканчивался на `.{ $meant }.md`
page-unknown-lang-rename-hint = удалите файл или переименуйте его, взяв один из суффиксов { $suffixes }
page-same-url = и этот файл, и { $others } становятся страницей /{ $url }
page-same-url-hint = оставьте один из них: страница папки должна быть в её `_index.LANG.md`
page-url-twin = { $count ->
    [1] этот файл становится страницей /{ $url }, а { $others } — адресом, который отличается от неё только заглавными буквами или тем, как закодирована буква: в Windows и macOS это одна папка, и одна страница заменит другую
   *[other] этот файл становится страницей /{ $url }, а { $others } — адресами, которые отличаются от неё только заглавными буквами или тем, как закодирована буква: в Windows и macOS это одна папка, и одна страница заменит остальные
    }
page-url-twin-hint = переименуйте один из файлов или оставьте только один
page-no-home = нет главной страницы на языке `{ $lang }`
page-no-home-hint = создайте { $path } с front matter `title: …` (и `draft: false`): из него делается страница /{ $lang }/
page-no-home-left-out-hint = файл { $path } есть, но он исключён в .gitignore: git не включает его в коммиты, поэтому aqparat его тоже не читает; уберите из .gitignore правило, которое его исключает
page-no-home-fallback-hint = { $hint }; до тех пор /{ $lang }/ показывает разделы и страницы на `{ $default }`
page-no-translation = нет перевода на язык `{ $lang }`
page-no-translation-hint = напишите { $path }; до тех пор переключатель языков ведёт в ближайший раздел на языке `{ $lang }`
page-translation-waiting = перевод на `{ $lang }`, { $path }, публикуется только с { $day }
page-translation-waiting-hint = до тех пор переключатель языка ведёт в ближайший раздел на `{ $lang }`; чтобы опубликовать его вместе с этой страницей, поставьте ему её дату
page-translation-draft = перевод на `{ $lang }`, { $path }, — черновик и не публикуется
page-translation-draft-hint = пока это так, переключатель языка ведёт в ближайший раздел на `{ $lang }`; чтобы опубликовать перевод, удалите `draft: true`
page-translation-draft-waiting = перевод на `{ $lang }`, { $path }, — черновик, и к тому же его дата позже сегодняшней ({ $day }): он не публикуется по обеим причинам
page-translation-draft-waiting-hint = пока это так, переключатель языка ведёт в ближайший раздел на `{ $lang }`; чтобы опубликовать его вместе с этой страницей, удалите `draft: true` и поставьте ему дату этой страницы

## site.yaml (src/validate/config.rs)

config-base-url = base_url: { $problem }
config-base-url-hint = напишите полный адрес, по которому публикуется сайт, например `https://example.kz/`
config-no-languages = не указано ни одного языка
config-no-languages-hint = укажите хотя бы один язык, например `kk: {"{"} name: Қазақша, title: … {"}"}`
config-bad-language-code = `{ $code }` — не код языка
config-empty-language-code = один из языков указан без кода
config-bad-language-code-hint = используйте двух- или трёхбуквенный код ISO 639 строчными буквами, например `kk` или `ru`
language-code-reserved = `{ $code }` не может быть кодом языка: /{ $code }/ — папка карточек для соцсетей
language-code-country = `{ $code }` — код страны, а не языка: код языка — `{ $lang }`
language-code-country-hint = напишите `{ $lang }` вместо `{ $code }` здесь и в default_language, а страницы на этом языке назовите ИМЯ.{ $lang }.md
config-notice-lang = в объявлении есть текст на языке `{ $lang }`, которого нет среди языков сайта
config-notice-lang-hint = добавьте `{ $lang }` в `languages` или удалите текст объявления `{ $lang }:`
config-language-field-empty = поле { $field } языка `{ $code }` пустое
config-language-field-empty-hint = впишите его после `{ $field }:`: его показывает каждая страница на этом языке
config-default-language = default_language `{ $lang }` нет среди языков
search-not-built = этот aqparat собран без возможности `search`, поэтому у сайта не будет поискового индекса (указатель всех страниц остаётся)
search-not-built-hint = установите aqparat со стандартными возможностями (`cargo install --path .` в папке с его исходным кодом) или напишите `search: false`, чтобы обойтись без поиска
dates-git-not-built = `dates: git` просит брать даты страниц из git, но этот aqparat собран без возможности `history`: «последнее обновление» берётся из front matter (`updated`, иначе `date`)
dates-git-not-built-hint = установите aqparat со стандартными возможностями (`cargo install --path .` в папке с его исходным кодом) или уберите `dates: git`
control-character = { $what }: здесь есть управляющий символ U+{ $code }, он невидим и ломает ленты новостей (feeds)
control-character-hint = удалите его (если он не виден, наберите текст вокруг него заново); для переноса начните новую строку
direction-control = { $what }: здесь есть U+{ $code }, невидимый символ, который разворачивает или переставляет текст после себя
direction-control-hint = удалите его (если он не виден, наберите текст вокруг него заново): из-за него текст читается не так, как написан; знаки U+200E и U+200F, расставляющие знаки препинания в тексте справа налево, допустимы
what-field = поле { $field }
what-language-field = поле { $field } языка `{ $code }`
what-notice = объявление на языке `{ $code }`

## UI strings (src/validate/i18n.rs)

what-ui-string = строка интерфейса `{ $key }`
what-ui-form = форма `{ $form }` строки интерфейса `{ $key }`
i18n-missing-lang = нет строк интерфейса для языка `{ $lang }`
i18n-missing-lang-hint = создайте { $path } с ключами из файла другого языка (во встроенной теме есть kk, ru и en; `aqparat theme eject` копирует их в сайт)
i18n-missing-key = в языке `{ $lang }` нет строки интерфейса `{ $key }`
i18n-missing-key-hint = добавьте `{ $key }:` в { $path }; она есть в { $there }:{ $line }
i18n-unknown-key = неизвестный ключ `{ $key }`: в теме нет такой строки интерфейса{ $guess }
i18n-unknown-key-hint = исправьте ключ на `{ $meant }`: строка здесь заменяет строку темы с тем же ключом
i18n-slip-key = неизвестный ключ `{ $key }`: его нет ни в одном другом языке{ $guess }
i18n-slip-key-hint = исправьте ключ на `{ $meant }`, как во всех остальных языках
i18n-unknown-placeholder = строка интерфейса `{ $key }` содержит `{ $placeholder }`, но его ничем не заменяют: на страницах оно будет видно как написано{ $guess }
i18n-placeholder-hint = что может содержать `{ $key }` (каждое заменяется своим значением): { $known }
i18n-no-placeholder-hint = в `{ $key }` нечего подставлять: напишите текст без фигурных скобок
i18n-missing-form = у строки интерфейса `{ $key }` нет формы множественного числа `{ $category }`
i18n-missing-form-hint = языку `{ $lang }` нужны формы { $forms }
i18n-unknown-form = у строки интерфейса `{ $key }` неизвестная форма множественного числа `{ $category }`
i18n-unknown-form-hint = язык `{ $lang }` использует только формы { $forms }

## The theme (src/load/theme.rs)

theme-bad-name = `{ $name }` — не имя папки в themes/
theme-there = {" "}(там есть: { $names })
theme-bad-name-hint = напишите имя одной из папок в themes/ (буквы, цифры, `-`, `_`), например `theme: default`{ $available }, или уберите `theme:`, чтобы использовать встроенную тему
theme-not-found = тема `{ $name }` не найдена: в { $root } нет папки { $dir }/{ $guess }
theme-not-found-hint = укажите в `theme:` в site.yaml папку из themes/{ $available }, создайте { $dir }/ с шаблонами, файлами i18n/ и static/, которые отличаются от встроенной темы, или уберите `theme:`, чтобы использовать встроенную тему
tera-names-hint = проверьте имена в `extends` и `include` шаблонов
template-error = ошибка в шаблоне: { $error }
template-syntax-error = синтаксическая ошибка в шаблоне: { $error }
template-no-field = ошибка в шаблоне: `{ $name }` здесь не определено{ $guess }; здесь есть: { $offered }
template-no-field-bare = ошибка в шаблоне: `{ $name }` здесь не определено
template-no-variable = ошибка в шаблоне: переменная `{ $name }` здесь не определена{ $guess }; здесь есть переменные: { $offered }
template-no-variable-bare = ошибка в шаблоне: переменная `{ $name }` здесь не определена
template-no-ui-string = ошибка в шаблоне: строка интерфейса `{ $key }` (`i18n.{ $key }`) не определена{ $guess }
template-unknown-filter = ошибка в шаблоне: неизвестный фильтр `{ $name }`{ $guess }
template-unknown-function = ошибка в шаблоне: неизвестная функция `{ $name }`
template-unknown-template = ошибка в шаблоне: шаблона `{ $name }` нет ни в теме, ни во встроенной теме
template-unknown-template-hint = укажите файл из папки темы `templates/` по его пути внутри неё (`partials/nav.html`) или добавьте этот файл
template-unclosed = ошибка в шаблоне: `{ $open }` не закрыт: `{ $found }` в строке { $line } стоит раньше его `{ $end }`
template-unclosed-at-end = ошибка в шаблоне: `{ $open }` не закрыт до конца шаблона
template-unclosed-hint = добавьте `{ $end }` там, где должен кончаться его блок
template-closes-nothing = ошибка в шаблоне: `{ $found }` ничего не закрывает: здесь не открыт ни один `{ $open }`
template-closes-nothing-hint = удалите его или добавьте перед ним `{ $open }`, который он должен закрывать
template-unknown-tag = ошибка в шаблоне: неизвестный тег `{ $name }`{ $guess }
template-unknown-tag-hint = теги, которые знает Tera: { $tags }
template-misplaced-else = ошибка в шаблоне: `{ $found }` не может стоять здесь, внутри `{ $open }` (строка { $line }): у `if` сначала идут его `elif`, а последним — один `else`; у `for` — только один `else`
template-misplaced-else-hint = перенесите его выше `else` этого блока или удалите
template-delimiter-unclosed = ошибка в шаблоне: `{ $start }`, открытый здесь, так и не закрыт `{ $end }`
template-delimiter-unclosed-hint = добавьте `{ $end }` там, где он должен кончаться
template-missing-parent = `{ $current }` расширяет шаблон `{ $parent }`, которого не существует
template-missing-parent-hint = исправьте имя в `{"{"}% extends %{"}"}` или добавьте недостающий шаблон
template-hint-ui-string = добавьте строку в каждый themes/…/i18n/LANG.yaml или исправьте здесь её имя
template-hint-function = aqparat добавляет к встроенным средствам Tera функцию `t` и фильтры `num` и `date`; проверьте имя
template-hint-undefined = используйте переменную, которую даёт контекст страницы (см. README), или добавьте проверку: `{"{"}% if x is defined %{"}"}` / `x | default(value="")`
template-hint-syntax = проверьте здесь синтаксис Tera: теги — `{"{"}% … %{"}"}`, выражения — `{"{{"} … {"}}"}`, у каждого блока должен быть свой `end…`

## Markdown and shortcodes (src/render/markdown.rs, src/render/stats/)

shortcode-not-closed = шорткод `{"{{"}` не закрыт `{"}}"}`
shortcode-cut-line = этот шорткод переходит на следующую строку, а шорткод записывается в одну строку: напишите его от `{"{{"}` до `{"}}"}` в одной строке
shortcode-cut-html = в этом шорткоде есть `{ $tag }`, а Markdown сначала читает это как HTML: в шорткоде не должно быть `<`
shortcode-cut-code = в этом шорткоде есть обратная кавычка (`` ` ``), а Markdown сначала читает её как начало кода: в шорткоде не должно быть обратных кавычек
shortcode-not-call = `{"{{"} { $inner } {"}}"}` — не вызов шорткода вида `stat(id="…")`
shortcode-no-paren = вызов шорткода должен заканчиваться на `)`
shortcode-bad-arg = аргумент `{ $arg }` записан не в виде `key="value"`
shortcode-unquoted = значение `{ $key }` должно быть в кавычках
shortcode-quote-not-closed = кавычка { $quote }, с которой начинается значение `{ $key }`, не закрыта: поставьте { $quote } там, где значение кончается
shortcode-unknown-arg = у `{ $name }` нет аргумента `{ $key }`{ $guess }; он принимает { $known }
shortcode-arg-twice = аргумент `{ $key }` указан дважды
shortcode-no-stats = у этого сайта нет статистики (data/aid/)
shortcode-no-record = в data/aid/records.yaml или records.csv нет записи `{ $id }`{ $guess }
shortcode-no-records = записи `{ $id }` нет: в data/aid/records.yaml (или records.csv) нет ни одной записи; не опустел ли файл по ошибке?
shortcode-stat-args = для `stat` нужен либо один `id="RECORD"`, либо `total="UNIT"`, при желании с `org="ORG"` или `category="CATEGORY"`
shortcode-no-org = в data/aid/organisations.yaml нет организации `{ $id }`{ $guess }
shortcode-no-category = в data/aid/categories.yaml нет категории `{ $id }`{ $guess }
shortcode-no-unit = в data/aid/units.yaml нет единицы `{ $unit }`
shortcode-no-figures = в единице `{ $unit }` нет чисел, которые можно сложить
shortcode-not-added = числа единицы `{ $unit }` не складываются: её `add: false` в `data/aid/units.yaml` говорит, что они могут считать одних и тех же людей; дайте каждое через `stat(id=…)`
shortcode-chart-args = для `chart` нужен ровно один из аргументов: `id="reached"`, `id="items"`, `org="ORG"` или `category="CATEGORY"`
shortcode-no-chart = нет диаграммы `{ $call }`{ $guess }; { $charts }
shortcode-chart-not-drawn = нет диаграммы `{ $call }`: диаграмма сравнивает цифры, поэтому её строят, только когда в одной единице их две или больше, а у этой в каждой единице меньше двух; { $charts }
shortcode-charts = есть такие диаграммы: { $list }{ $more }
shortcode-charts-more = {" "}и ещё { $count }
shortcode-no-charts = диаграмм пока нет ни одной
shortcode-chart-hint = `chart` принимает `id="reached"` (охваченные люди и семьи), `id="items"` (остальные единицы), `org="ORG"` или `category="CATEGORY"`; диаграмма появится, когда у неё будет две цифры или больше в одной единице (записи в data/aid/records.yaml или records.csv): добавьте их или пока уберите шорткод
shortcode-unknown = неизвестный шорткод `{ $name }`{ $guess }; в aqparat есть `stat` и `chart`
shortcode-chart-alone = диаграмма должна стоять в отдельном абзаце, с пустыми строками до и после
heading-id-repeated = id `{ $id }` уже есть у одного из заголовков выше на этой странице: ссылки на #{ $id } ведут туда, а не сюда
heading-id-repeated-hint = дайте этому заголовку собственный id
heading-id-space = в id не может быть пробела: id этого заголовка — только первое слово, а остальные становятся пустыми атрибутами
heading-id-space-hint = соедините слова дефисами: `{ $meant }`
shortcode-hint = о шорткодах `stat` и `chart` рассказывает памятка сотрудникам (content/guide.ru.md, «Как добавить цифру»); id — это id записей из data/aid/records.yaml или records.csv
md-missing-page = ссылка на несуществующую страницу: `{ $dest }`{ $guess }
md-missing-page-hint = напишите путь к нужной странице внутри content/ без суффикса языка, например `@/rules/quarantine.md` или `@/rules/_index.md`
md-scheduled-page = ссылка на страницу, которая ещё не опубликована: у `{ $dest }` дата { $date }
md-scheduled-page-hint = страница публикуется с дня своей `date`; дайте этой странице ту же `date` (или более позднюю) или поставьте ссылку, когда та страница выйдет (`--future` собирает обе, для предпросмотра)
link-draft-page = ссылка на черновик, который не публикуется: `{ $dest }` — это { $path }
link-draft-page-hint = опубликуйте его, убрав из него `draft: true`, или поставьте ссылку, когда он выйдет (`--drafts` собирает и черновики, для предпросмотра)
stats-cannot-show = не удаётся показать статистику на языке `{ $lang }`: { $error }
stats-cannot-show-hint = для статистики нужны строки интерфейса, перечисленные в README (figure_about, as_of, chart_reached…), на каждом языке
stats-font-hint = положите в папку fonts/ темы шрифт TrueType, в котором есть казахские буквы (ә ғ қ ң ө ұ ү һ і)

## What aqparat makes, which pages and static files may not replace (src/validate/pages.rs)

generated-home = главная страница
generated-404 = страница для несуществующих адресов
generated-feed = лента новостей
generated-download = статистика для скачивания
generated-pages = указатель всех страниц
generated-infographics = страницы инфографики
generated-organisation = страница организации в статистике
generated-changes = страница изменений в статистике
generated-redirect = страница по старому адресу переехавшей страницы
generated-page = страница
generated-languages = страница выбора языка
generated-sitemap = карта сайта (sitemap)
generated-sitemap-part = часть карты сайта (sitemap)
generated-robots = robots.txt
generated-search = поисковый индекс
generated-static = статический файл
generated-cards = папка карточек для соцсетей
generated-images = папка уменьшенных изображений
taken-file = /{ $url } — это { $what }
taken-folder = в /{ $url }/ находится { $what }
taken-index = /{ $url }index.html — собственный файл страницы
page-reserved = этот файл стал бы страницей /{ $url }, но здесь то, что делает сам aqparat: { $taken }
page-reserved-hint = переименуйте файл или его папку: путь страницы не может начинаться с { $list } и не может содержать часть `index.html`
static-bad-name = в имени этого файла есть `{ $char }`, это ломает его адрес
static-bad-name-hint = переименуйте файл без `?`, `#`, `\` и управляющих символов (например, заменив их на `-`)
static-taken-file = адрес /{ $output } занят тем, что делает aqparat: { $what }
static-taken-folder = в /{ $folder } находится то, что делает aqparat: { $what }
static-taken-made-folder = aqparat сам создаёт папку /{ $output }/
static-taken = этот статический файл был бы скопирован в /{ $output }, но { $taken }
static-taken-hint = переименуйте или перенесите файл, например в отдельную папку, такую как static/files/

## Dates and addresses (src/date.rs, src/address.rs)

date-form = `{ $text }` — не дата вида YYYY-MM-DD
date-bad-year = неверный год в `{ $text }`
date-bad-month = неверный месяц в `{ $text }`
date-bad-day = неверный день в `{ $text }`
date-month-range = в `{ $text }` месяц { $month }; месяцы — от 01 до 12
date-no-such-day = даты `{ $text }` не существует: в этом месяце нет { $day }-го числа
date-or-month = `{ $text }` записано ни как YYYY-MM-DD, ни как YYYY-MM
address-character = в адресе есть { $char }, а в адресе такого быть не может; напишите его так, как показывает браузер, например `https://example.kz/`
address-not-absolute = `{ $text }` не читается как адрес; напишите полный адрес, начиная с `https://`, например `https://example.kz/`
address-space = в адресе есть пробел, а в адресе пробелов быть не может; напишите его без пробелов, так, как показывает браузер
address-no-scheme = в начале `{ $text }` нет `https://`; напишите полный адрес: `{ $suggested }`
address-port = порт после `:` в `{ $text }` — не число от 1 до 65535; уберите его или напишите порт, на котором работает сайт
address-bad-host = в `{ $text }` неверное имя хоста: имя хоста состоит из частей, разделённых точками, каждая — из букв, цифр и `-`, не пустая и не длиннее 63 знаков, а IP-адрес — из четырёх чисел от 0 до 255; напишите адрес так, как показывает браузер, например `https://example.kz/`
address-not-http = `{ $text }` — не адрес http(s); напишите полный адрес, начиная с `https://`, например `https://example.kz/`
address-no-host = в `{ $text }` нет имени хоста; напишите полный адрес, например `https://example.kz/`
address-user = в `{ $text }` есть имя пользователя или пароль, их опубликовала бы каждая страница; уберите их
address-query = в `{ $text }` есть запрос `?` или фрагмент `#`; адрес сайта — это хост и, если нужно, папка

## New sites (src/init/, src/cmd/init.rs)

init-not-empty = папка { $dir } не пуста; aqparat создаёт новый сайт только в пустой или новой папке (укажите другую папку или, чтобы добавить тему в существующий сайт, выполните `aqparat theme eject`)
init-not-a-folder = { $path } — файл, а не папка: укажите папку для нового сайта
init-empty-title = --title пуст: укажите название сайта или не пишите --title, и у каждого языка будет своё название
init-title-control = в --title есть управляющий символ { $code } (табуляция, перевод строки или другой невидимый символ), а в названии его быть не может; напишите название в одну строку, с обычными пробелами
init-title-direction = в --title есть { $code }, невидимый символ, который разворачивает или переставляет текст после себя, а в названии его быть не может; наберите название заново без него
init-cannot-write = не удаётся записать { $path }: { $error }; проверьте, что у вас есть право записи туда
init-theme-exists = { $path } уже существует; aqparat не перезаписывает тему (чтобы начать заново со встроенной темы, сначала перенесите её в другое место)
init-no-languages = укажите хотя бы один язык: --languages kk,ru
init-bad-language = `{ $code }` — не код языка: используйте двух- или трёхбуквенные коды ISO 639 строчными буквами, например --languages kk,ru
init-language-twice = `{ $code }` указан в --languages дважды
init-bad-default = язык по умолчанию `{ $lang }` не входит в --languages { $languages }
init-done = в { $dir } создан новый сайт (файлов: { $files }). Дальше:{"\u000A"}  { $command }{"\u000A"}чтобы посмотреть на него, затем правьте content/ (руководство для сотрудников — content/guide.*.md)
eject-done = встроенная тема скопирована в { $dir } (файлов: { $files }): теперь сайт использует эту копию поверх встроенной темы; меняйте что хотите
eject-done-named = встроенная тема скопирована в { $dir } (файлов: { $files }), папку темы `{ $name }`, которую называет site.yaml: теперь сайт использует эту копию поверх встроенной темы; меняйте что хотите
eject-config-unread = site.yaml не читается, и неизвестно, какую тему использует сайт: что в нём не так, скажет `aqparat check`; исправьте это и повторите eject
eject-bad-theme = site.yaml называет тему `{ $name }`, а такой папки в themes/ быть не может: напишите там имя папки (латинские буквы, цифры, `-`, `_`) или уберите `theme:`, чтобы взять встроенную тему, затем повторите eject
eject-no-site = в { $root } нет site.yaml: `theme eject` копирует тему в папку сайта; укажите эту папку в `--root`
eject-themes-link = { $path } — не папка (ссылка или файл): aqparat записывает тему только в собственную папку сайта; поставьте на её место папку

## Output folders (src/write/guard.rs)

refused-site-folder = публикация в { $output } отклонена: это папка сайта или папка выше неё, а публикация заменяет выходную папку целиком; выберите для --output отдельную папку, например { $public }
refused-read-folder = публикация в { $output } отклонена: она внутри { $folder }, которую читает aqparat (история сайта в git или собственный кэш aqparat), и публикация заменила бы то, что там лежит; выберите --output вне её
refused-input-file = публикация в { $output } отклонена: это входной файл сайта { $input } или путь внутри него, и папка на его месте сломала бы сайт; выберите --output вне сайта
refused-input-folder = публикация в { $output } отклонена: она внутри входной папки сайта { $input }, и публикация заменила бы её файлы; выберите --output вне её
refused-linked-folder = публикация в { $output } отклонена: символическая ссылка { $link } ведёт в { $folder }, где лежит эта папка, и следующая сборка прочла бы опубликованное там как файлы сайта; выберите --output вне { $folder }
refused-symlink = публикация в { $output } отклонена: это символическая ссылка (выход `aqparat watch` или ваша собственная ссылка); публикуйте туда через `watch` или выберите другую папку --output
refused-foreign-link = публикация в { $output } отклонена: это символическая ссылка на { $target }, а не на сборку `aqparat watch` в { $builds }; удалите ссылку или выберите другую папку --output
refused-builds-in-site = публикация в { $output } отклонена: `aqparat watch` хранит сборки в { $builds }, а эта папка ведёт в { $target }, то есть внутрь { $inside } сайта, где файлам сборки не место; удалите или переименуйте { $builds } либо выберите другую папку --output
refused-watch-builds = публикация в { $output } отклонена: она в { $builds }, где `aqparat watch` держит сборки, на которые ведёт { $link }, и сборка там заменила бы публикуемый им сайт; выберите другую папку --output
refused-cannot-look = не удаётся проверить выходную папку { $output }: { $error }; { $advice }
refused-not-folder = публикация в { $output } отклонена: это существует и не является папкой; удалите это сами или выберите другую папку --output
refused-mount-point = публикация в { $output } отклонена: туда подключён другой диск или том, а aqparat публикует сборку, ставя её папку на место старой, что с точкой подключения невозможно; публикуйте в папку внутри неё (--output { $output }/site) и направьте на неё веб-сервер
refused-foreign-folder = публикация в { $output } отклонена: эту папку создал не aqparat (в ней нет файла { $stamp }, записанного aqparat), и она не пуста; публикация удалила бы её файлы. Выберите другую папку --output или, если эти файлы не нужны, удалите папку сами и соберите заново
refused-foreign-files = публикация в { $output } отклонена: aqparat не создавал того, что лежит в ней наверху: { $files }; публикация заменяет папку целиком и удалила бы всё это. Перенесите это из папки (файл, который сайт должен публиковать, кладут в папку static/ сайта; git-репозиторий опубликованного сайта лучше держать в другом месте и копировать в него сайт после каждой сборки) и соберите заново (запущенный `watch` опубликует сайт сам, как только этого там не станет)
refused-foreign-files-unpublished = сборка в { $folder }, неопубликованную папку сборок `watch`, отклонена: aqparat не создавал того, что лежит в ней наверху: { $files }; следующая сборка начинается с этой папки и опубликовала бы это, а одна из последующих удалила бы. Перенесите это из папки (файл, который сайт должен публиковать, кладут в папку static/ сайта); запущенный `watch` соберёт сайт сам, как только этого там не станет, иначе запустите его снова
refused-delete = удаление { $dir } отклонено: эту папку создал не aqparat (в ней нет файла { $stamp }, записанного aqparat); перенесите её сами
refused-resolve = не удаётся разобрать путь { $path }: { $error }; проверьте, что его папки существуют и доступны для чтения

## serve and the command line (src/cmd/serve.rs, src/main.rs)

serve-outside-base = { $path } — вне сайта: сайт открывается по пути { $base_path }, как в его адресе
serve-no-folder = не удалось создать папку для предпросмотра в { $folder }: { $error }
serve-cannot-listen = не удаётся слушать { $address }: { $error }
serve-host-refused = этот предпросмотр отвечает на запросы к localhost или к IP-адресу, а не к { $host }: возможно, страница другого сайта пытается прочитать его через ваш браузер. Откройте его по адресу, который напечатал `aqparat serve`.
serve-open-to-network = предупреждение: сервер слушает { $address } — не только этот компьютер: предпросмотр может прочитать любой, кто достаёт до него по сети, вместе с черновиками, если они собраны с --drafts. `serve` — для предпросмотра; чтобы опубликовать сайт, соберите его командой `aqparat build` и раздавайте папку веб-сервером (см. раздел README о развёртывании).
serving = сайт { $root } доступен по адресу { $url } (Ctrl+C — остановить)
serve-not-built = в этот aqparat не встроен `serve` (он собран без возможности `serve`); установите aqparat со стандартными возможностями (`cargo install --path .` в папке с его исходным кодом) или смотрите сайт через `aqparat watch --output DIR` и собственный веб-сервер
cli-unknown-command = команды `{ $name }` нет{ $guess }; команды: build, check, serve, watch, init и theme
cli-unknown-option = здесь нет параметра `{ $name }`{ $guess }
cli-missing-value = после `{ $name }` нужно значение
cli-bad-value = `{ $value }` не может быть значением `{ $name }`: { $why }
cli-unexpected-word = `{ $name }` здесь лишнее
cli-bad-value-plain = `{ $value }` не может быть значением `{ $name }`
cli-lang = языки сообщений: en, kk и ru
cli-bind = укажите IP-адрес: 127.0.0.1 (или localhost) — только этот компьютер, 0.0.0.0 — все сетевые интерфейсы, либо один из адресов этого компьютера
cli-whole-number = укажите целое число от { $least } до { $most }
cli-help = `aqparat --help` перечисляет команды; `aqparat КОМАНДА --help` (`aqparat build --help`) — параметры команды

## watch, the production loop (src/cmd/watch.rs, src/watch/, src/serve/)

watching = слежу за { $root }, публикую в { $output }
watch-stopped = остановлено
status-not-written = не удалось записать состояние этой попытки: { $error }
status-kept-short = вместо него записано краткое состояние `ok: false`
status-kept-removed = старый файл удалён, чтобы он ничего не утверждал
status-kept-none = файла состояния нет
status-kept-stuck = и старый файл тоже не удаётся удалить: { $error }
status-file-error = ОШИБКА: не удаётся записать файл состояния { $path }: { $error }; { $kept }. Освободите место на диске или исправьте права доступа к папке.
lock-cannot-create = не удаётся создать { $path }: { $error }
beside-output-not-ours = { $path } — не файл aqparat (в нём что-то другое), а watch перезаписал бы его: перенесите его в другое место или выберите другой --output
lock-cannot-open = не удаётся открыть файл блокировки { $path }: { $error }
lock-cannot-lock = не удаётся заблокировать { $path }: { $error }
lock-holder-pid = другой `aqparat watch` (pid { $pid })
lock-holder = другой `aqparat watch`
lock-held = { $holder } уже публикует в { $output }; два наблюдателя одной выходной папки перезаписывали бы сборки друг друга. Сначала остановите его или выберите другую папку --output (блокировка: { $lock })
pid-not-written = предупреждение: не удаётся записать pid в { $path }: { $error }
search-index-published = поисковый индекс опубликован (страниц: { $pages })
search-index-not-updated = поисковый индекс не обновлён: { $error }
rebuild-damaged = { $damage }; сайт собирается заново целиком
damage-output-removed = выходная папка { $output } удалена
damage-build-removed = сборка, на которую ссылается { $output }, удалена
damage-files-removed = из { $output } удалены опубликованные файлы ({ $count }), например { $example }
damage-unreadable = опубликованную сборку { $build } не удаётся прочитать ({ $error })
file-watcher-error = наблюдение за файлами: { $error }
server-stopped = сервер остановлен: { $error }
serve-no-build-yet = { $path }: здесь пока ничего нет — сайт ещё ни разу не собрался без ошибок (они в терминале). Страница обновится, как только сборка пройдёт.
cannot-accept = не удаётся принять соединение: { $error }

## Aid statistics (src/validate/data.rs)

aid-organisation = организация `{ $id }`
aid-organisation-itself = { $what } указывает саму себя своей вышестоящей организацией или партнёром
aid-organisation-itself-hint = в `parent` и `partners` организации стоят другие организации; уберите её собственный id
aid-record-partner-itself = { $what }: её организация `{ $org }` стоит и среди `partners`
aid-record-partner-itself-hint = в `partners` записи стоят организации, которые помогали её `org`: уберите оттуда её собственный id
aid-organisation-ring = каждая из этих организаций входит в следующую, и круг замыкается на первой: { $ring }
aid-organisation-ring-hint = одна из них — верхняя, и `parent` у неё нет: уберите эту строку `parent`
aid-category = категория `{ $id }`
aid-source = источник `{ $id }`
aid-unit = единица `{ $id }`
aid-record = запись `{ $id }`
aid-kind-organisation = организация
aid-kind-category = категория
aid-kind-source = источник
aid-kind-unit = единица
aid-kind-record = запись
aid-field-name = название
aid-field-short = краткое название
aid-field-title = заглавие
aid-field-what = текст `what`
aid-field-in = { $field } на `{ $lang }`
aid-field-noun-form = форма существительного `{ $category }` на `{ $lang }`
aid-text-missing = { $what }: нет текста на `{ $lang }`
aid-text-missing-hint = добавьте здесь `{ $lang }: …`; каждое название пишется на каждом из языков: { $languages }
aid-text-empty-hint = напишите здесь текст на `{ $lang }`; каждый текст пишется на каждом из языков: { $languages }
aid-text-cell-hint = заполните ячейку `what_{ $lang }` в этой строке; текст каждой записи пишется на каждом из языков: { $languages }
aid-text-column = ни у одной записи нет текста на `{ $lang }`: ни в одной строке нет ячейки `what_{ $lang }`
aid-text-column-hint = добавьте столбец `what_{ $lang }` и заполните его; текст каждой записи пишется на каждом из языков: { $languages }
aid-text-foreign = { $what }: есть текст на `{ $lang }`, а это не язык сайта
aid-forms-foreign = { $what }: есть формы слова на `{ $lang }`, а это не язык сайта
aid-text-foreign-hint = используйте языки из site.yaml: { $languages }
aid-texts-foreign = { $count ->
    [one] { $count } текст этого файла написан
    [few] { $count } текста этого файла написаны
   *[other] { $count } текстов этого файла написаны
    } на `{ $lang }`, а это не язык сайта: { $others ->
    [0] этот и другие в его строке
    [1] этот и тот, что в строке { $lines }
   *[other] этот и те, что в строках { $lines }
    }
aid-texts-foreign-hint = добавьте `{ $lang }` в `languages` в site.yaml; а если сайта на `{ $lang }` не будет, удалите тексты `{ $lang }:` этого файла и оставьте тексты на языках сайта: { $languages }
aid-control = { $what }: { $field } — здесь есть управляющий символ U+{ $code }
aid-control-hint-lines = удалите его (он невидим, и ни страницы, ни диаграммы, ни файлы для скачивания не могут его показать); если текст был вставлен, наберите его заново; допустимы только табуляция и перенос строки
aid-control-hint-line = удалите его (он невидим, и ни страницы, ни диаграммы, ни файлы для скачивания не могут его показать); если текст был вставлен, наберите его заново; этот текст — одна строка, без табуляции
aid-direction-control = { $what }: { $field } — здесь есть U+{ $code }, невидимый символ, который разворачивает или переставляет текст после себя
aid-direction-control-hint = удалите его: из-за него название или цифра читаются не так, как написаны (знаки U+200E и U+200F, расставляющие знаки препинания в тексте справа налево, допустимы); если текст был вставлен, наберите его заново
aid-text-too-long = { $what }: { $field } длиннее { $max } знаков ({ $length }) — больше, чем вмещает ячейка таблицы для скачивания (aid.xlsx)
aid-text-too-long-hint = сократите его: показателю хватит строки-двух, а длинному тексту место на странице сайта
aid-bad-id = id `{ $id }` ({ $kind }) — не слова из строчных букв, соединённые `-`
aid-bad-id-hint = пишите id только латинскими буквами a–z и цифрами 0–9, слова соединяйте одним `-` (например `city-volunteers`), не длиннее { $max } символов: из id получаются имена файлов и адреса
aid-reserved-id = id организации `{ $id }` зарезервирован
aid-reserved-id-hint = выберите другой id: в /LANG/infographics/charts/ лежат диаграммы каждого языка, в /LANG/infographics/changes/ — история показателей
aid-unknown = { $context }: неизвестный id `{ $id }` ({ $kind }){ $guess }
aid-unknown-hint = используйте id, заданный в data/aid/{ $file }: { $known }
aid-unknown-hint-none = в data/aid/{ $file } пока не задано ни одного id: добавьте туда этот
aid-lookup-empty = в data/aid/{ $file } не задано ни одного значения («{ $kind }»), а записи на них ссылаются
aid-lookup-empty-hint = впишите туда всё, на что ссылаются записи (см. README); если файл очищен по ошибке, верните его командой `git checkout -- data/aid/{ $file }`
aid-quoted-lang = { $what }: `quoted_lang` равен `{ $lang }`, а это не язык сайта
aid-quoted-lang-hint = укажите один из языков { $languages }: язык названия в «…»
aid-invalid-date = { $what }: неверная дата: { $error }
aid-date-after-today = { $what }: { $date } — позже сегодняшнего дня ({ $today })
aid-date-after-today-hint = цифру сообщают о дне, который уже наступил: проверьте год
aid-same-day = { $what } даёт цифру о том же, что и запись `{ $first }` (та же организация, единица и `what`), за тот же день, { $day }: обе складываются
aid-same-day-hint = если одну цифру внесли дважды, удалите одну из записей; если это две разные раздачи, различите их в `what`; если цифру дают снова и снова, укажите её `frequency`
aid-date-hint = запишите дату в виде YYYY-MM-DD
aid-url = { $what }, `url`: { $problem }
aid-url-hint = `url` источника — это адрес страницы, откуда взяты цифры, так, как его показывает браузер, например `https://example.kz/report`
aid-no-forms = { $what }: нет форм существительного на `{ $lang }`
aid-no-forms-hint = добавьте `{ $lang }:` с формами { $forms }
aid-form-example = { $category } (например, { $example })
list-more = { $list }, { $item }
aid-missing-form = { $what }: нет формы множественного числа `{ $category }` на `{ $lang }`; { $needed }
aid-form-needed-by = она нужна записи `{ $id }` (число { $count })
aid-form-needed-for = она нужна для чисел вроде { $example }
aid-forms-needed-hint = для `{ $lang }` нужны формы { $forms }
aid-unknown-form = { $what }: неизвестная форма множественного числа `{ $category }` на `{ $lang }`
aid-forms-used-hint = в `{ $lang }` используются формы { $forms }
aid-duplicate-record = повторяющийся id записи `{ $id }` (он же в строке { $line })
aid-duplicate-record-hint = дайте каждой записи свой id
aid-unknown-value = { $what }: неизвестное значение `{ $field }`: `{ $value }`{ $guess }
aid-total-too-large = запись `{ $id }`: сумма по единице `{ $unit }` превысила бы { $max } — наибольшую сумму, которую считает aqparat: записи { $records } в сумме дают больше
aid-total-too-large-hint = проверьте эти числа на опечатку (лишнюю цифру); если они верны, считайте в более крупной единице (в тысячах)
aid-records-elided = { $first }, … { $last } (всего { $count })
aid-count-not-reported = { $what }: число есть, но указано `reported: false`
aid-count-not-reported-hint = уберите `reported: false`, если источник даёт это число, или уберите `count`
aid-no-count = { $what }: нет числа
aid-no-count-hint = добавьте `count: N`; если источник не даёт числа, напишите `reported: false` (тогда будет показано «число не указано», а не 0)
aid-qualifier-without-count = { $what }: `qualifier` без числа
aid-qualifier-without-count-hint = уберите `qualifier`: уточнять нечего, числа нет
aid-count-too-large = { $what }: число `{ $count }` больше { $max } — наибольшего числа, которое принимает aqparat
aid-count-too-large-hint = проверьте число на опечатку; число не больше 1 000 000 000 000 (10^12)
aid-count-negative-number = { $what }: число { $count } отрицательное
aid-count-negative = { $what }: число `{ $count }` отрицательное
aid-count-negative-hint = число — целое, 0 или больше
aid-count-not-digits = { $what }: число `{ $count }` — не целое число, записанное цифрами
aid-count-leading-zeros = { $what }: число `{ $count }` начинается с лишнего нуля
aid-count-not-digits-hint = запишите число цифрами: { $digits }
aid-count-not-whole = { $what }: число `{ $count }` не целое
aid-count-not-whole-hint = число — целое, например 320, без пробелов и единиц измерения
aid-count-quoted = { $what }: число `{ $count }` записано как текст, в кавычках
aid-count-quoted-hint = напишите число без кавычек: { $digits }
aid-count-grouped = { $what }: в числе `{ $count }` между цифрами стоит пробел или знак
aid-count-grouped-hint = напишите цифры слитно, без пробелов, запятых и точек между разрядами: { $digits }
aid-both-date-and-period = { $what }: указаны и `date`, и `{ $period }`
aid-both-date-and-period-hint = `date` — день, на который дано число; `period` — время, которое оно охватывает; оставьте одно из двух
aid-both-date-and-period-cells-hint = `date` — день, на который дано число; `period_from` и `period_to` — время, которое оно охватывает; оставьте пустым одно из двух
aid-invalid-period = { $what }: неверный период: { $error }
aid-invalid-period-hint = напишите YYYY-MM-DD или YYYY-MM, если источник указывает только месяц
aid-empty-period = { $what }: период пуст
aid-empty-period-hint = укажите `from:`, `to:` или оба
aid-period-backwards = { $what }: период заканчивается ({ $to }) раньше, чем начинается ({ $from })
aid-period-backwards-hint = поменяйте местами `{ $from }` и `{ $to }` или исправьте дату

## Язык, добавленный на сайт (src/validate/)
fallback-hint = { $hint }; до тех пор страницы на `{ $lang }` показывают { $stand_in } на `{ $default }`
stand-in-text = текст
stand-in-figure = показатель
config-notice-missing = в объявлении нет текста на `{ $lang }`
config-notice-missing-hint = добавьте здесь `{ $lang }: …`; до тех пор страницы на `{ $lang }` показывают объявление на `{ $default }`

## Открытые данные (src/validate/config.rs)
open-data-missing = на сайте есть статистика (data/aid/), но site.yaml не говорит, под какой лицензией и кем публикуются её открытые данные
open-data-missing-hint = добавьте `open_data: {"{"} licence: CC-BY-4.0, publisher: {"{"} { $names } {"}"} {"}"}` с названием издателя на каждом языке (см. README, раздел "site.yaml")
open-data-licence = open_data: `{ $licence }` — лицензия, которую aqparat не знает{ $guess }
open-data-licence-hint = напишите SPDX-идентификатор открытой лицензии, одной из: { $list }
open-data-publisher-lang = у издателя есть название на языке `{ $lang }`, которого нет среди языков сайта
open-data-publisher-lang-hint = добавьте `{ $lang }` в `languages` или удалите название издателя `{ $lang }:`
what-publisher = название издателя на `{ $code }`
open-data-publisher-empty = open_data: название издателя на `{ $code }` пустое
open-data-publisher-empty-hint = напишите название организации, которая публикует данные
open-data-publisher-missing = open_data: у издателя нет названия на `{ $code }`
open-data-publisher-missing-hint = напишите название издателя на каждом языке сайта, например `{ $code }: …`
open-data-publisher-fallback-hint = добавьте здесь `{ $code }: …`; до тех пор страницы на `{ $code }` показывают название на `{ $default }`

## The build date (src/options.rs)
build-date-invalid = SOURCE_DATE_EPOCH равен `{ $value }`: это не целое число секунд от 1970-01-01 до конца 9999 года
clock-invalid = { $variable } равен `{ $value }`: это ни день (2026-03-02), ни время по RFC 3339 (2026-03-02T09:00:00+05:00)

## Aliases, old addresses of moved pages (src/address.rs, src/validate/pages.rs)
alias-not-absolute = псевдоним `{ $alias }` не начинается с `/`; напишите старый адрес относительно адреса сайта, например `/ru/old-name/`
alias-character = в псевдониме между `/` могут быть буквы, цифры и `-_.~!*(),+=@:`, но не { $char }
alias-folders = в псевдониме `{ $alias }` есть пустая папка или папка, имя которой начинается с `.` (скрытая: сервер её не отдаёт), или он слишком длинный; напишите старый адрес папками, например `/ru/old-name/`
alias-taken = псевдоним `{ $alias }` — это адрес: { $what }
alias-taken-hint = псевдоним — старый адрес, у которого больше нет страницы; удалите его или укажите адрес, который был у страницы
alias-content = псевдоним `{ $alias }` — это адрес { $kind ->
    [home] главной страницы
    [section] раздела
   *[page] страницы
} { $path }
alias-content-hint = псевдоним — старый адрес, которого сейчас нет ни у одной страницы; удалите его, а если эта страница должна занять тот адрес, сначала переименуйте { $path }
alias-own = псевдоним `{ $alias }` — собственный адрес этой страницы
alias-own-hint = удалите его: страница и так находится по этому адресу
alias-through-file = для страницы перенаправления псевдониму `{ $alias }` нужна папка /{ $file }/, но /{ $file } — это { $what }
alias-twice = псевдоним `{ $alias }` есть и у страницы { $other }
alias-twice-hint = старый адрес может вести только на одну страницу; оставьте его у той страницы, к которой он относится
alias-twin = псевдоним `{ $alias }` отличается от адреса { $other } только заглавными буквами или тем, как закодирована буква: в Windows и macOS это одна папка, и переадресация заменит то, что там есть
alias-twin-hint = старый адрес, который отличается от другого адреса сайта только этим, сохранить нельзя: удалите псевдоним

## Links to other sites, check --external (src/external/, src/main.rs)

external-broken = ссылка на другой сайт не работает: { $url } ({ $problem })
external-broken-hint = исправьте адрес или уберите ссылку; если сайт недоступен лишь на время, следующий `aqparat check --external` проверит его снова
external-status = сервер ответил кодом { $status }
external-timeout = нет ответа за { $seconds } с
external-host-not-found = такого хоста нет (DNS)
external-refused = сервер отказал в соединении
external-tls = не удалось установить защищённое соединение (HTTPS): { $error }
external-redirects = слишком много перенаправлений (больше { $count })
external-failed = запрос не удался: { $error }
external-cache-unreadable = кэш ссылок на другие сайты не читается и не используется: { $error }
external-cache-unwritable = не удаётся записать кэш ссылок на другие сайты: { $error }
external-cache-not-a-folder = `.aqparat` — не папка сайта (это ссылка или файл), поэтому кэш ссылок на другие сайты туда не записывается
external-cache-hint = `aqparat check --external` хранит его, чтобы снова проверять работающие ссылки лишь через `--cache-hours` часов (по умолчанию через сутки); если это повторяется, удалите папку `.aqparat/`
external-not-built = в этот aqparat не встроен `check --external` (он собран без возможности `external`); установите aqparat со стандартными возможностями (`cargo install --path .` в папке с его исходным кодом)
external-summary = ссылки на другие сайты: проверено адресов — { $asked }, работают по данным кэша — { $cached }, не работают — { $dead }
