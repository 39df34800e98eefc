/// The studio page: HTML, its style and its script, served from the binary (no CDN, no network).
/// Native controls with labels throughout, so it works with the keyboard and a screen reader, and
/// one column on a phone.
enum StudioPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>RoutineCard studio</title>
        <link rel="stylesheet" href="/studio.css">
        <script src="/studio.js" defer></script>
        </head>
        <body>
        <header><h1>RoutineCard studio</h1><p>Write a routine, see the card, download it to print or share.</p></header>
        <main>
        <section class="edit" aria-labelledby="edit-title">
          <h2 id="edit-title">Routine</h2>
          <div class="row">
            <label for="builtin">Built-in routine</label>
            <select id="builtin"></select>
            <button id="start" type="button">Start from this routine</button>
          </div>
          <div class="editor">
            <pre id="gutter" aria-hidden="true">1</pre>
            <textarea id="source" spellcheck="false" aria-label="Routine file (YAML)" aria-describedby="diagnostics-title"></textarea>
          </div>
          <h3 id="diagnostics-title">Problems</h3>
          <ul id="diagnostics" aria-live="polite"></ul>
        </section>
        <section class="options" aria-labelledby="options-title">
          <h2 id="options-title">Card</h2>
          <div class="grid">
            <label for="template">Template</label>
            <select id="template"><option value="fridge">Fridge card (A6)</option><option value="sheet">Handout (A4)</option><option value="wallet">Wallet card</option></select>
            <label for="theme">Theme</label>
            <select id="theme"><option value="color">Colour</option><option value="high-contrast">High contrast</option><option value="ink-saver">Ink saver</option></select>
            <label for="paper">Paper</label>
            <select id="paper"><option value="">The template's</option><option>a4</option><option>a5</option><option>a6</option><option>a7</option><option>letter</option><option>half-letter</option><option>quarter-letter</option><option>4x6in</option><option>5x7in</option></select>
            <label for="language">Language</label>
            <select id="language"><option value="">The routine's</option><option value="en">English</option><option value="es">Español</option><option value="de">Deutsch</option></select>
            <label for="for">For</label><input id="for" autocomplete="off">
            <label for="by">From</label><input id="by" autocomplete="organization">
            <label for="date">Date</label><input id="date" autocomplete="off">
            <label for="note">Note</label><input id="note" autocomplete="off">
            <label for="tracker">Week tracker</label><input id="tracker" type="checkbox">
            <label for="diary">Symptom diary</label><input id="diary" type="checkbox">
            <label for="qr">QR codes to videos</label><input id="qr" type="checkbox">
            <label for="review">Next review</label><input id="review" type="date">
            <label for="contact">Clinic contact</label><input id="contact" autocomplete="organization" placeholder="Name | phone · web">
          </div>
          <div class="row downloads">
            <button type="button" data-format="pdf">Download PDF</button>
            <button type="button" data-format="png">Download PNG</button>
            <button type="button" data-format="svg">Download SVG</button>
          </div>
        </section>
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <div class="row">
            <button id="previous" type="button" aria-label="Previous card">◀</button>
            <span id="page" aria-live="polite">Card 1 of 1</span>
            <button id="next" type="button" aria-label="Next card">▶</button>
            <span id="status" role="status"></span>
          </div>
          <img id="card" alt="Preview of the card">
          <h3>Print check</h3>
          <ul id="findings" aria-live="polite"></ul>
        </section>
        </main>
        </body>
        </html>

        """

    static let css = """
        :root { font-family: system-ui, sans-serif; color: #1d2b36; background: #f6f8f9; }
        body { margin: 0; }
        header { background: #17706b; color: white; padding: .6rem 1rem; }
        header h1 { margin: 0; font-size: 1.4rem; } header p { margin: .2rem 0 0; }
        main { display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, .9fr) minmax(0, 1.1fr); gap: 1rem; padding: 1rem; }
        @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
        section { background: white; border-radius: 8px; padding: .8rem; box-shadow: 0 1px 3px #0002; min-width: 0; }
        h2 { font-size: 1.1rem; margin: 0 0 .5rem; } h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
        .row { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin-bottom: .5rem; }
        .grid { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .4rem .6rem; align-items: center; }
        /* Fields keep to their column, so none runs past the panel's edge. */
        .grid select, .grid input:not([type=checkbox]) { width: 100%; min-width: 0; box-sizing: border-box; }
        .grid input[type=checkbox] { justify-self: start; }
        .editor { display: flex; border: 1px solid #9aa; border-radius: 4px; height: 60vh; min-height: 18rem; overflow: hidden; }
        #gutter { margin: 0; padding: .4rem .3rem; text-align: right; color: #789; background: #eef2f3; font: 13px/1.4 monospace; overflow: hidden; user-select: none; }
        #source { flex: 1; border: 0; padding: .4rem; font: 13px/1.4 monospace; resize: none; white-space: pre; overflow: auto; }
        button, select, input { font: inherit; padding: .3rem .5rem; }
        button { background: #17706b; color: white; border: 0; border-radius: 4px; cursor: pointer; }
        button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible, .diagnostic:focus-visible { outline: 3px solid #f0a020; outline-offset: 2px; }
        #card { width: 100%; height: auto; border: 1px solid #ccd; background: white; }
        #diagnostics li, #findings li { margin: .2rem 0; }
        .diagnostic { background: none; color: #a3261b; padding: 0; text-align: left; text-decoration: underline; }
        #status { color: #567; }

        """

    static let script = """
        "use strict";
        const $ = (id) => document.getElementById(id);
        let page = 1, pages = 1, timer = null, serial = 0, previewURL = null;

        function options() {
          const value = (id) => $(id).value.trim() || undefined;
          return { template: value("template"), theme: value("theme"), paper: value("paper"), language: value("language"),
                   for: value("for"), by: value("by"), date: value("date"), note: value("note"), tracker: $("tracker").checked,
                   diary: $("diary").checked, qr: $("qr").checked, review: value("review"),
                   contact: value("contact") ? value("contact").split("|").map((line) => line.trim()).filter((line) => line) : undefined };
        }
        function body(format, extra) {
          return JSON.stringify(Object.assign({ routine: $("source").value, format: format, options: options() }, extra || {}));
        }
        async function post(path, payload) {
          return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: payload });
        }
        function updateGutter() {
          const lines = $("source").value.split("\\n").length;
          $("gutter").textContent = Array.from({ length: lines }, (_, i) => i + 1).join("\\n");
          $("gutter").scrollTop = $("source").scrollTop;
        }
        function goToLine(line, column) {
          const text = $("source").value.split("\\n");
          let offset = 0;
          for (let i = 0; i < line - 1 && i < text.length; i++) offset += text[i].length + 1;
          offset += Math.max(0, (column || 1) - 1);
          $("source").focus();
          $("source").setSelectionRange(offset, offset);
        }
        function showDiagnostics(list) {
          const box = $("diagnostics");
          box.replaceChildren();
          if (!list.length) { const li = document.createElement("li"); li.textContent = "No problems."; box.append(li); return; }
          for (const d of list) {
            const li = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button"; button.className = "diagnostic";
            button.textContent = d.line + ":" + d.column + ": " + d.message;
            button.addEventListener("click", () => goToLine(d.line, d.column));
            li.append(button); box.append(li);
          }
        }
        function showFindings(list) {
          const box = $("findings");
          box.replaceChildren();
          if (!list.length) { const li = document.createElement("li"); li.textContent = "Nothing to fix before printing."; box.append(li); return; }
          for (const f of list) { const li = document.createElement("li"); li.textContent = f.severity + ": " + f.message; box.append(li); }
        }
        async function refresh() {
          const mine = ++serial;
          $("status").textContent = "Rendering…";
          const validation = await (await post("/api/validate", body("pdf"))).json().catch(() => ({ diagnostics: [] }));
          if (mine !== serial) return;
          showDiagnostics(validation.diagnostics || []);
          if (validation.valid === false) { $("status").textContent = "Fix the problems to see the card."; return; }
          const response = await post("/api/render", body("png", { page: page, options: Object.assign(options(), { dpi: 100 }) }));
          if (mine !== serial) return;
          if (!response.ok) {
            const problem = await response.json().catch(() => ({}));
            $("status").textContent = problem.detail || ("The card could not be rendered (" + response.status + ").");
            if (problem.diagnostics) showDiagnostics(problem.diagnostics);
            return;
          }
          pages = Number(response.headers.get("X-Page-Count") || "1");
          if (page > pages) { page = pages; return refresh(); }
          const blob = await response.blob();
          if (mine !== serial) return;
          // The previous preview stays until the new one is ready.
          const url = URL.createObjectURL(blob);
          $("card").src = url;
          if (previewURL) URL.revokeObjectURL(previewURL);
          previewURL = url;
          $("page").textContent = "Card " + page + " of " + pages;
          $("card").alt = "Preview of card " + page + " of " + pages;
          $("status").textContent = "";
          const check = await post("/api/check", body("pdf"));
          if (mine === serial && check.ok) showFindings((await check.json()).findings || []);
        }
        function schedule() { clearTimeout(timer); timer = setTimeout(refresh, 400); }
        async function download(format) {
          const response = await post("/api/render", body(format));
          if (!response.ok) { const p = await response.json().catch(() => ({})); $("status").textContent = p.detail || "Download failed."; return; }
          const name = (response.headers.get("Content-Disposition") || "").match(/filename="([^"]+)"/);
          const link = document.createElement("a");
          link.href = URL.createObjectURL(await response.blob());
          link.download = name ? name[1] : "card." + format;
          document.body.append(link); link.click(); link.remove();
        }
        async function loadBuiltIn() {
          const id = $("builtin").value;
          const language = $("language").value;
          const response = await fetch("/api/routines/" + encodeURIComponent(id) + (language ? "?language=" + language : ""));
          if (!response.ok) return;
          $("source").value = await response.text();
          page = 1; updateGutter(); schedule();
        }
        async function start() {
          const list = await (await fetch("/api/routines")).json();
          for (const r of list) { const o = document.createElement("option"); o.value = r.id; o.textContent = r.title + " (" + r.languages.join(", ") + ")"; $("builtin").append(o); }
          if (list.some((r) => r.id === "leg-cramps")) $("builtin").value = "leg-cramps";
          $("source").addEventListener("input", () => { updateGutter(); schedule(); });
          $("source").addEventListener("scroll", () => { $("gutter").scrollTop = $("source").scrollTop; });
          for (const id of ["template", "theme", "paper", "language", "tracker", "diary", "qr", "review"]) $(id).addEventListener("change", () => { page = 1; schedule(); });
          for (const id of ["for", "by", "date", "note", "contact"]) $(id).addEventListener("input", schedule);
          $("start").addEventListener("click", loadBuiltIn);
          $("previous").addEventListener("click", () => { if (page > 1) { page--; refresh(); } });
          $("next").addEventListener("click", () => { if (page < pages) { page++; refresh(); } });
          for (const b of document.querySelectorAll("[data-format]")) b.addEventListener("click", () => download(b.dataset.format));
          await loadBuiltIn();
        }
        start();

        """
}
