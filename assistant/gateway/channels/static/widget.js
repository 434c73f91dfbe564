/*
 * Koers chat widget for Leerwerkloket websites. One tag:
 *   <script src="https://koers.example/widget.js" data-loket="demo" defer></script>
 * Optional: data-open="true" opens the chat on load.
 *
 * Vanilla JS, no build step. Talks only to the Koers service (never to Rasa directly), so
 * handoff to an adviser, transcripts and redaction work as on every other channel. The UI
 * lives in a shadow root so the host site's CSS cannot break it (and ours cannot break theirs).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__koersWidget) { return; }
  window.__koersWidget = true;

  var BASE = new URL(script.src, location.href).origin;
  var LOKET = (script.getAttribute("data-loket") || "").replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64);
  var KEY = "koers:" + BASE + ":" + (LOKET || "default");
  var POLL_OPEN_MS = 3000;
  var POLL_CLOSED_MS = 15000;
  var MAX_CHARS = 2000;

  var store = {
    get: function (k) { try { return localStorage.getItem(KEY + ":" + k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(KEY + ":" + k, v); } catch (e) { /* private mode */ } },
    del: function (k) { try { localStorage.removeItem(KEY + ":" + k); } catch (e) { /* private mode */ } },
  };

  // A conversation opens only with the token it got at creation. One kept from before tokens
  // existed cannot be reached any more: start a new one, quietly.
  var cid = store.get("cid");
  var token = store.get("token");
  if (cid && !token) { forget(); }
  var lastSeq = 0;  // the conversation's own message numbers (never the global id)
  var busy = false;
  var queued = [];  // [text, shown] sent or tapped while a turn was still on its way, in order
  var inFlight = null;  // [text, shown] of the turn on its way: part of the draft until answered
  var waiting = false;  // a message of the person is kept (the bot is down): "even geduld"
  var recentUser = [];  // the last texts of the person the service has, to not restore them twice
  var KEPT_NOTE = "Bewaard";
  var KEPT_STATUS = "Even geduld. Je bericht is bewaard. Je krijgt antwoord zodra Koers weer werkt.";
  var offline = false;
  var failures = 0;
  var pollTimer = null;
  var offered = {};  // payload → title of the last quick replies, to show a choice as it was labelled
  var adviceStart = null;  // the first advice bubble of the latest batch: scrolled to, not past
  var SVG_NS = "http://www.w3.org/2000/svg";
  // Touch screens: focusing the input would pop up the keyboard over the first question.
  var TOUCH = !!(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
  var loket = { name: "Werkcentrum", greeting: "Hoi! Ik ben Koers, de digitale assistent.",
                colors: { primary: "#0b5cad", text_on_primary: "#ffffff" } };

  // -- DOM ------------------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  var host = el("div", { id: "koers-widget" });
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  root.appendChild(el("link", { rel: "stylesheet", href: BASE + "/widget.css" }));

  var launcher = el("button", { type: "button", class: "launcher", "aria-expanded": "false",
                                "aria-controls": "koers-panel" });
  var launcherText = el("span", { class: "launcher__text", text: "Chat met ons" });
  var badge = el("span", { class: "launcher__badge", hidden: "", text: "nieuw" });
  // An inline SVG: an emoji shows as an empty box on systems without an emoji font.
  function icon(paths, size) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", String(size || 22));
    svg.setAttribute("height", String(size || 22));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    paths.forEach(function (d) {
      var path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      path.setAttribute("fill", "currentColor");
      svg.appendChild(path);
    });
    return svg;
  }
  var CHAT_ICON = ["M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 " +
                   "0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"];
  var RESTART_ICON = ["M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z"];
  var THUMB_UP = ["M2 21h4V9H2v12zM22 10a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 " +
                  "8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"];
  var THUMB_DOWN = ["M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1 6.6-6.6c.4-.4.6-.9.6-1.4V5" +
                    "a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z"];
  var launcherIcon = el("span", { class: "launcher__icon" });
  launcherIcon.appendChild(icon(CHAT_ICON, 24));
  launcher.appendChild(launcherIcon);
  launcher.appendChild(launcherText);
  launcher.appendChild(badge);

  var title = el("h2", { id: "koers-title", class: "panel__title" });
  var subtitle = el("p", { class: "panel__subtitle", text: "Digitale assistent Koers" });
  // Restart sits apart from × and asks first: one slip must not wipe the conversation.
  var restartBtn = el("button", { type: "button", class: "panel__action", "aria-label": "Opnieuw beginnen",
                                  title: "Opnieuw beginnen" });
  restartBtn.appendChild(icon(RESTART_ICON, 20));
  var closeBtn = el("button", { type: "button", class: "panel__close", "aria-label": "Chat sluiten" });
  closeBtn.appendChild(el("span", { "aria-hidden": "true", text: "×" }));
  var header = el("div", { class: "panel__header" }, [
    el("div", { class: "panel__heading" }, [title, subtitle]), restartBtn, closeBtn,
  ]);
  // A div, not a list: role=log is not allowed on <ol>, and quick replies are no list items (axe).
  var log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
                        "aria-label": "Gesprek", tabindex: "0" });
  var confirmText = el("p", { id: "koers-confirm-text", class: "confirm__text",
                              text: "Opnieuw beginnen? Wat je hebt verteld, wordt gewist." });
  var confirmYes = el("button", { type: "button", class: "confirm__btn confirm__btn--yes", text: "Ja, opnieuw" });
  var confirmNo = el("button", { type: "button", class: "confirm__btn", text: "Nee, ga door" });
  var confirmBar = el("div", { class: "confirm", role: "group", "aria-labelledby": "koers-confirm-text", hidden: "" },
                      [confirmText, el("div", { class: "confirm__actions" }, [confirmYes, confirmNo])]);
  var typing = el("div", { class: "typing", hidden: "", "aria-hidden": "true" },
                  [el("span"), el("span"), el("span")]);
  var status = el("p", { class: "status", role: "status" });
  var input = el("textarea", { id: "koers-input", class: "form__input", rows: "1", maxlength: String(MAX_CHARS),
                               autocomplete: "off", placeholder: "Typ je bericht…" });
  var label = el("label", { for: "koers-input", class: "visually-hidden", text: "Typ je bericht" });
  var sendBtn = el("button", { type: "submit", class: "form__send", text: "Stuur" });
  var form = el("form", { class: "form", novalidate: "" }, [label, input, sendBtn]);
  var panel = el("section", { id: "koers-panel", class: "panel", role: "dialog", "aria-modal": "false",
                              "aria-labelledby": "koers-title", hidden: "" },
                 [header, confirmBar, log, typing, status, form]);
  root.appendChild(panel);
  root.appendChild(launcher);

  // -- rendering ------------------------------------------------------------------------------
  // A safe markdown subset: **bold**, links and line breaks, built as DOM nodes (no HTML parsing).
  function richText(text) {
    var frag = document.createDocumentFragment();
    text.split("\n").forEach(function (line, i) {
      if (i > 0) { frag.appendChild(el("br")); }
      var re = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s)]+)/g;
      var last = 0;
      var m;
      while ((m = re.exec(line)) !== null) {
        if (m.index > last) { frag.appendChild(document.createTextNode(line.slice(last, m.index))); }
        if (m[1]) {
          frag.appendChild(el("strong", { text: m[1] }));
        } else {
          frag.appendChild(el("a", { href: m[3] || m[4], target: "_blank", rel: "noopener noreferrer",
                                     text: m[2] || m[4] }));
        }
        last = re.lastIndex;
      }
      if (last < line.length) { frag.appendChild(document.createTextNode(line.slice(last))); }
    });
    return frag;
  }

  function clearQuickReplies() {
    Array.prototype.forEach.call(log.querySelectorAll(".quick"), function (q) { q.remove(); });
  }

  // After a batch: the advice's first line at the top (people read from its start), else the end.
  function scrollDown() {
    if (adviceStart && adviceStart.isConnected) {
      log.scrollTop = adviceStart.offsetTop - log.offsetTop - 8;
    } else {
      log.scrollTop = log.scrollHeight;
    }
  }

  function newBatch() { adviceStart = null; }

  // Asked once per conversation, also after a reload.
  var feedbackSent = !!store.get("feedback") && store.get("feedback") === store.get("cid");
  function feedbackBar() {
    var bar = el("div", { class: "feedback", role: "group", "aria-label": "Was dit advies nuttig?" });
    bar.appendChild(el("span", { class: "feedback__q", text: "Was dit advies nuttig?" }));
    [["up", "Ja, nuttig", THUMB_UP], ["down", "Nee, niet nuttig", THUMB_DOWN]].forEach(function (f) {
      var btn = el("button", { type: "button", class: "feedback__btn", "aria-label": f[1], "aria-pressed": "false",
                               title: f[1] });
      btn.appendChild(icon(f[2], 20));
      btn.addEventListener("click", function () {
        if (!cid) { return; }
        api("POST", "/api/v1/chat/" + encodeURIComponent(cid) + "/feedback", { rating: f[0] }).then(function () {
          Array.prototype.forEach.call(bar.querySelectorAll(".feedback__btn"), function (b) {
            b.setAttribute("aria-pressed", b === btn ? "true" : "false");
          });
          bar.querySelector(".feedback__q").textContent = "Dank je voor je mening.";
          feedbackSent = true;
          store.set("feedback", cid);
        }).catch(function () { setStatus("Je mening is niet verstuurd. Probeer het later opnieuw.", "warn"); });
      });
      bar.appendChild(btn);
    });
    return bar;
  }

  // Advice details come folded under their title; follow-ups with the same title share the fold.
  function addDetail(title, text) {
    var last = log.lastElementChild;
    if (last && last.classList.contains("msg--detail") && last.getAttribute("data-title") === title) {
      var body = last.querySelector(".msg__text");
      body.appendChild(el("br"));
      body.appendChild(el("br"));
      body.appendChild(richText(text));
      return last;
    }
    var item = el("div", { class: "msg msg--bot msg--detail", "data-title": title });
    var details = el("details");
    details.appendChild(el("summary", { text: title }));
    var body2 = el("div", { class: "msg__text" });
    body2.appendChild(richText(text));
    details.appendChild(body2);
    item.appendChild(details);
    log.appendChild(item);
    return item;
  }

  var WHO = { bot: "Koers", adviser: "Adviseur", user: "Jij", system: "Melding" };

  function addMessage(sender, text, buttons, meta) {
    clearQuickReplies();
    var item = null;
    var kind = meta && meta.kind;
    if (text && kind === "advice_detail" && meta.title) {
      item = addDetail(meta.title, text);
    } else if (text) {
      item = el("div", { class: "msg msg--" + sender + (kind === "advice" ? " msg--advice" : "") });
      item.appendChild(el("span", { class: sender === "adviser" ? "msg__who" : "visually-hidden",
                                    text: (WHO[sender] || "Koers") + ": " }));
      var bubble = el("span", { class: "msg__text" });
      bubble.appendChild(richText(text));
      item.appendChild(bubble);
      log.appendChild(item);
      if (kind === "advice") {
        adviceStart = item;
        if (!feedbackSent) { log.appendChild(feedbackBar()); }
      }
    }
    if (buttons && buttons.length) {
      var group = el("div", { class: "quick" });
      var inner = el("div", { role: "group", "aria-label": "Antwoordopties" });
      buttons.forEach(function (b) {
        var btn = el("button", { type: "button", class: "quick__btn", text: b.title });
        btn.addEventListener("click", function () { send(b.payload || b.title, b.title); });
        inner.appendChild(btn);
      });
      group.appendChild(inner);
      log.appendChild(group);
    }
    scrollDown();
    return item;
  }

  // What the person typed and the service has not answered yet: the input field, the turn on
  // its way and the queued ones. Kept in localStorage, so a reload or a crash loses nothing.
  function saveDraft() {
    var parts = [];
    if (inFlight && !inFlight[1]) { parts.push(inFlight[0]); }
    queued.forEach(function (q) { if (!q[1]) { parts.push(q[0]); } });
    if (input.value.trim()) { parts.push(input.value); }
    if (parts.length) { store.set("draft", JSON.stringify(parts)); } else { store.del("draft"); }
  }

  function restoreDraft() {
    var parts;
    try { parts = JSON.parse(store.get("draft") || "[]"); } catch (e) { parts = []; }
    if (!Array.isArray(parts)) { parts = []; }
    // A text the service already has (sent just before the reload) is not typed again.
    parts = parts.filter(function (t) { return typeof t === "string" && recentUser.indexOf(t.trim()) < 0; });
    if (parts.length && !input.value) { input.value = parts.join("\n").slice(0, MAX_CHARS); }
    saveDraft();
  }

  function markKept(item) {
    if (!item || item.querySelector(".msg__note")) { return; }
    item.classList.add("msg--kept");
    item.appendChild(el("span", { class: "msg__note", text: KEPT_NOTE }));
  }

  function setWaiting(on) {
    waiting = on;
    if (on) { setStatus(KEPT_STATUS, "warn"); return; }
    // Answered: the "Bewaard" marks go, they would only confuse now.
    Array.prototype.forEach.call(log.querySelectorAll(".msg--kept"), function (item) {
      item.classList.remove("msg--kept");
      var note = item.querySelector(".msg__note");
      if (note) { note.remove(); }
    });
    if (!offline && status.textContent === KEPT_STATUS) { setStatus(""); }
  }

  function setStatus(text, kind) {
    status.textContent = text || "";
    status.className = "status" + (kind ? " status--" + kind : "");
  }

  function setTyping(on) {
    typing.hidden = !on;
    if (on) { setStatus("Koers typt…"); } else if (waiting) { setStatus(KEPT_STATUS, "warn"); } else if (!offline) { setStatus(""); }
  }

  function applyLoket() {
    title.textContent = loket.name;
    launcherText.textContent = "Chat met " + loket.name;
    host.style.setProperty("--koers-primary", loket.colors.primary);
    host.style.setProperty("--koers-on-primary", loket.colors.text_on_primary);
  }

  function greet() {
    if (loket.greeting) { addMessage("bot", loket.greeting); }
  }

  // A new conversation starts with the bot's own greeting, first question and its buttons, so
  // the person never sees an empty chat; the local greeting is only the fallback when it fails.
  var starting = null;
  function startTalk() {
    if (starting || log.querySelector(".msg")) { return starting || Promise.resolve(); }
    busy = true;
    setTyping(true);
    starting = ensureConversation().then(function () {
      return api("POST", "/api/v1/chat/" + encodeURIComponent(cid) + "/start", { loket_id: LOKET || undefined });
    }).then(function (d) {
      connected();
      newBatch();
      (d.messages || []).forEach(function (m) { addMessage("bot", m.text, m.buttons, m); });
      lastSeq = Math.max(lastSeq, d.last_seq || 0);
      if (!(d.messages || []).length && !log.querySelector(".msg")) { greet(); }
    }).catch(function () {
      if (!log.querySelector(".msg")) { greet(); }
    }).then(function () {
      setTyping(false);
      busy = false;
      starting = null;
      next();
    });
    return starting;
  }

  // -- network --------------------------------------------------------------------------------
  function forget() {
    store.del("cid");
    store.del("token");
    cid = null;
    token = null;
    lastSeq = 0;  // a new conversation numbers its messages from 1 again
  }

  function api(method, path, body) {
    var headers = body ? { "Content-Type": "application/json" } : {};
    if (token && path.indexOf("/api/v1/chat/") === 0) { headers.Authorization = "Bearer " + token; }
    return fetch(BASE + path, {
      method: method,
      headers: headers,
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) {
          var err = new Error(data.error || ("HTTP " + r.status));
          err.status = r.status;
          err.userMessage = data.error;
          throw err;
        }
        return data;
      });
    });
  }

  function connected() {
    failures = 0;
    if (offline) { offline = false; setStatus("Verbinding hersteld.", "ok"); }
  }

  function disconnected() {
    failures += 1;
    offline = true;
    setStatus("Geen verbinding. Ik probeer het opnieuw…", "warn");
  }

  function ensureConversation() {
    if (cid) { return Promise.resolve(cid); }
    return api("POST", "/api/v1/chat", { loket_id: LOKET || undefined }).then(function (d) {
      cid = d.conversation_id;
      token = d.token;
      store.set("cid", cid);
      store.set("token", token);
      return cid;
    });
  }

  function loadHistory() {
    if (!cid) { return Promise.resolve(); }
    return api("GET", "/api/v1/chat/" + encodeURIComponent(cid) + "/messages?after_seq=" + lastSeq)
      .then(function (d) {
        connected();
        var fresh = false;
        newBatch();
        (d.messages || []).forEach(function (m) {
          if (m.seq <= lastSeq) { return; }
          lastSeq = m.seq;
          var text = m.text;
          if (m.sender === "user" && text && offered[text]) { text = offered[text]; }  // payload → its title
          var item = addMessage(m.sender, text, m.sender === "user" ? [] : m.buttons, m.custom);
          if (m.sender === "user") {
            recentUser = recentUser.concat([(m.text || "").trim()]).slice(-5);
            if (m.kept) { markKept(item); waiting = true; }
          } else {
            waiting = false;  // the bot (or an adviser) answered: nothing waits any more
            fresh = true;
            offered = {};
            (m.buttons || []).forEach(function (b) { offered[b.payload] = b.title; });
          }
        });
        if (fresh && panel.hidden) { badge.hidden = false; }
        setWaiting(waiting);
      });
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    // While a message is kept, the answer may come any moment: look often, also when closed.
    var every = panel.hidden && !waiting ? POLL_CLOSED_MS : POLL_OPEN_MS;
    // Back off while the service is unreachable (at most one minute between tries).
    var wait = offline ? Math.min(60000, every * Math.pow(2, Math.min(failures, 5))) : every;
    pollTimer = setTimeout(function () {
      if (!cid || busy) { schedulePoll(); return; }
      loadHistory().catch(function (e) {
        if (e.status === 404) { forget(); return; }  // gone (deleted): the next message starts anew
        if (e.status === 400) { return; }
        disconnected();
      }).then(schedulePoll);
    }, wait);
  }

  // One turn at a time (Rasa needs the order); what comes in meanwhile waits, never dropped.
  function next() {
    if (!busy && queued.length) { var q = queued.shift(); send(q[0], q[1]); }
  }

  function send(text, shown) {
    text = (text || "").trim();
    if (!text) { return; }
    if (busy) { queued.push([text, shown]); return; }
    busy = true;
    inFlight = [text, shown];
    saveDraft();
    newBatch();
    sendBtn.disabled = true;
    var mine = addMessage("user", shown || text);
    setTyping(true);
    function post() {
      return api("POST", "/api/v1/chat/" + encodeURIComponent(cid) + "/messages",
                 { text: text, loket_id: LOKET || undefined });
    }
    ensureConversation().then(post).catch(function (e) {
      if (e.status !== 404) { throw e; }
      forget();  // the conversation is gone: this message starts a new one, no error shown
      return ensureConversation().then(post);
    }).then(function (d) {
      connected();
      setTyping(false);
      newBatch();
      var kept = (d.messages || []).some(function (m) { return m.kind === "kept"; });
      (d.messages || []).forEach(function (m) { addMessage("bot", m.text, m.buttons, m); });
      lastSeq = Math.max(lastSeq, d.last_seq || 0);
      recentUser = recentUser.concat([text]).slice(-5);
      if (kept) { markKept(mine); }
      setWaiting(kept);
      inFlight = null;
      saveDraft();
    }).catch(function (e) {
      inFlight = null;
      setTyping(false);
      if (mine) {
        mine.classList.add("msg--failed");
        mine.appendChild(el("span", { class: "msg__note", text: "Niet verstuurd" }));
      }
      if (e.userMessage) {
        setStatus(e.userMessage, "warn");
      } else {
        disconnected();
        setStatus("Je bericht is niet verstuurd. Controleer je verbinding en probeer het opnieuw.", "warn");
      }
      // Nothing the person typed is lost: this text and any typed after it go back in the field.
      var typed = [text].concat(queued.filter(function (q) { return !q[1]; }).map(function (q) { return q[0]; }));
      queued = [];
      if (!shown || shown === text) { input.value = typed.join("\n"); }
      saveDraft();
    }).then(function () {
      busy = false;
      sendBtn.disabled = false;
      if (!panel.hidden && !TOUCH) { input.focus(); }
      next();
    });
  }

  // -- open / close ---------------------------------------------------------------------------
  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.hidden = true;
    badge.hidden = true;
    store.set("open", "1");
    scrollDown();
    // On touch screens focus goes to the conversation, not the input: no keyboard over the question.
    if (TOUCH) { log.focus(); } else { input.focus(); }
    startTalk();
    schedulePoll();
  }

  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    store.del("open");
    launcher.focus();
    schedulePoll();
  }

  launcher.addEventListener("click", open);
  closeBtn.addEventListener("click", close);
  panel.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    e.preventDefault();
    if (!confirmBar.hidden) { confirmBar.hidden = true; restartBtn.focus(); } else { close(); }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value;
    if (!text.trim()) { return; }
    input.value = "";
    send(text);  // typed while the bot is still starting or answering: sent right after
  });
  input.addEventListener("input", saveDraft);
  input.addEventListener("keydown", function (e) {
    // Enter sends, Shift+Enter adds a line: what people expect from a chat box.
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });
  restartBtn.addEventListener("click", function () {
    confirmBar.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener("click", function () {
    confirmBar.hidden = true;
    restartBtn.focus();
  });
  confirmYes.addEventListener("click", function () {
    confirmBar.hidden = true;
    feedbackSent = false;
    store.del("feedback");
    send("opnieuw beginnen", "Opnieuw beginnen");
  });
  window.addEventListener("online", function () { if (offline) { loadHistory().catch(disconnected); } });

  // -- start ----------------------------------------------------------------------------------
  function start() {
    document.body.appendChild(host);
    applyLoket();
    var config = LOKET ? api("GET", "/api/v1/lokets/" + encodeURIComponent(LOKET)) : Promise.reject(new Error());
    config.then(function (d) { loket = d; }).catch(function () { /* keep the defaults */ }).then(function () {
      applyLoket();
      return loadHistory().catch(function (e) {
        if (e.status === 400 || e.status === 404) { forget(); } else { disconnected(); }
      });
    }).then(function () {
      restoreDraft();
      if (store.get("open") || script.getAttribute("data-open") === "true") { open(); } else { schedulePoll(); }
    });
  }

  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
