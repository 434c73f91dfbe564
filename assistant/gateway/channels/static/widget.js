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

  var cid = store.get("cid");
  var lastId = 0;
  var busy = false;
  var offline = false;
  var failures = 0;
  var pollTimer = null;
  var offered = {};  // payload → title of the last quick replies, to show a choice as it was labelled
  var loket = { name: "Leerwerkloket", greeting: "Hoi! Ik ben Koers, de digitale assistent.",
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
  launcher.appendChild(el("span", { class: "launcher__icon", "aria-hidden": "true", text: "💬" }));
  launcher.appendChild(launcherText);
  launcher.appendChild(badge);

  var title = el("h2", { id: "koers-title", class: "panel__title" });
  var subtitle = el("p", { class: "panel__subtitle", text: "Digitale assistent Koers" });
  var restartBtn = el("button", { type: "button", class: "panel__action", text: "Opnieuw beginnen" });
  var closeBtn = el("button", { type: "button", class: "panel__close", "aria-label": "Chat sluiten" });
  closeBtn.appendChild(el("span", { "aria-hidden": "true", text: "×" }));
  var header = el("div", { class: "panel__header" }, [
    el("div", { class: "panel__heading" }, [title, subtitle]), restartBtn, closeBtn,
  ]);
  var log = el("ol", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
                       "aria-label": "Gesprek", tabindex: "0" });
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
                 [header, log, typing, status, form]);
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

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  var WHO = { bot: "Koers", adviser: "Adviseur", user: "Jij", system: "Melding" };

  function addMessage(sender, text, buttons) {
    clearQuickReplies();
    var item = null;
    if (text) {
      item = el("li", { class: "msg msg--" + sender });
      item.appendChild(el("span", { class: sender === "adviser" ? "msg__who" : "visually-hidden",
                                    text: (WHO[sender] || "Koers") + ": " }));
      var bubble = el("span", { class: "msg__text" });
      bubble.appendChild(richText(text));
      item.appendChild(bubble);
      log.appendChild(item);
    }
    if (buttons && buttons.length) {
      var group = el("li", { class: "quick" });
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

  function setStatus(text, kind) {
    status.textContent = text || "";
    status.className = "status" + (kind ? " status--" + kind : "");
  }

  function setTyping(on) {
    typing.hidden = !on;
    if (on) { setStatus("Koers typt…"); } else if (!offline) { setStatus(""); }
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

  // -- network --------------------------------------------------------------------------------
  function api(method, path, body) {
    return fetch(BASE + path, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
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
    return api("POST", "/api/v1/chat").then(function (d) {
      cid = d.conversation_id;
      store.set("cid", cid);
      return cid;
    });
  }

  function loadHistory() {
    if (!cid) { return Promise.resolve(); }
    return api("GET", "/api/v1/chat/" + encodeURIComponent(cid) + "/messages?after=" + lastId)
      .then(function (d) {
        connected();
        var fresh = false;
        (d.messages || []).forEach(function (m) {
          if (m.id <= lastId) { return; }
          lastId = m.id;
          var text = m.text;
          if (m.sender === "user" && text && offered[text]) { text = offered[text]; }  // payload → its title
          addMessage(m.sender, text, m.sender === "user" ? [] : m.buttons);
          if (m.sender !== "user") {
            fresh = true;
            offered = {};
            (m.buttons || []).forEach(function (b) { offered[b.payload] = b.title; });
          }
        });
        if (fresh && panel.hidden) { badge.hidden = false; }
      });
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    var every = panel.hidden ? POLL_CLOSED_MS : POLL_OPEN_MS;
    // Back off while the service is unreachable (at most one minute between tries).
    var wait = offline ? Math.min(60000, every * Math.pow(2, Math.min(failures, 5))) : every;
    pollTimer = setTimeout(function () {
      if (!cid || busy) { schedulePoll(); return; }
      loadHistory().catch(function (e) {
        if (e.status === 404 || e.status === 400) { return; }
        disconnected();
      }).then(schedulePoll);
    }, wait);
  }

  function send(text, shown) {
    text = (text || "").trim();
    if (busy || !text) { return; }
    busy = true;
    sendBtn.disabled = true;
    var mine = addMessage("user", shown || text);
    setTyping(true);
    ensureConversation().then(function () {
      return api("POST", "/api/v1/chat/" + encodeURIComponent(cid) + "/messages",
                 { text: text, loket_id: LOKET || undefined });
    }).then(function (d) {
      connected();
      setTyping(false);
      (d.messages || []).forEach(function (m) { addMessage("bot", m.text, m.buttons); });
      lastId = Math.max(lastId, d.last_id || 0);
    }).catch(function (e) {
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
      if (!shown || shown === text) { input.value = text; }  // nothing the person typed is lost
    }).then(function () {
      busy = false;
      sendBtn.disabled = false;
      if (!panel.hidden) { input.focus(); }
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
    input.focus();
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
    if (e.key === "Escape") { e.preventDefault(); close(); }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", function (e) {
    // Enter sends, Shift+Enter adds a line: what people expect from a chat box.
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });
  restartBtn.addEventListener("click", function () { send("opnieuw beginnen", "Opnieuw beginnen"); });
  window.addEventListener("online", function () { if (offline) { loadHistory().catch(disconnected); } });

  // -- start ----------------------------------------------------------------------------------
  function start() {
    document.body.appendChild(host);
    applyLoket();
    var config = LOKET ? api("GET", "/api/v1/lokets/" + encodeURIComponent(LOKET)) : Promise.reject(new Error());
    config.then(function (d) { loket = d; }).catch(function () { /* keep the defaults */ }).then(function () {
      applyLoket();
      greet();
      return loadHistory().catch(function (e) {
        if (e.status === 400 || e.status === 404) { store.del("cid"); cid = null; } else { disconnected(); }
      });
    }).then(function () {
      if (store.get("open") || script.getAttribute("data-open") === "true") { open(); } else { schedulePoll(); }
    });
  }

  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
