// Local chat page: talks to the Koers service, which talks to Rasa.
(function () {
  "use strict";
  var KEY = "koers.conversation";
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("input");
  var statusEl = document.getElementById("status");
  var lastId = 0;
  var busy = false;
  var cid = localStorage.getItem(KEY);
  // The conversation opens only with the token it got at creation; without one, start anew.
  var token = localStorage.getItem(KEY + ".token");
  if (!token) { cid = null; }

  function setStatus(text) { statusEl.textContent = text || ""; }

  // The same safe markdown subset as the widget: **bold**, [label](https://...) links, line breaks,
  // built as DOM nodes (never parsed as HTML), so the advice's links work here too.
  function richText(text) {
    var frag = document.createDocumentFragment();
    text.split("\n").forEach(function (line, i) {
      if (i > 0) { frag.appendChild(document.createElement("br")); }
      var re = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s)]+)/g;
      var last = 0;
      var m;
      while ((m = re.exec(line)) !== null) {
        if (m.index > last) { frag.appendChild(document.createTextNode(line.slice(last, m.index))); }
        var node;
        if (m[1]) {
          node = document.createElement("strong");
          node.textContent = m[1];
        } else {
          node = document.createElement("a");
          node.href = m[3] || m[4];
          node.target = "_blank";
          node.rel = "noopener noreferrer";
          node.textContent = m[2] || m[4];
        }
        frag.appendChild(node);
        last = re.lastIndex;
      }
      if (last < line.length) { frag.appendChild(document.createTextNode(line.slice(last))); }
    });
    return frag;
  }

  function addMessage(sender, text, buttons) {
    if (text) {
      var li = document.createElement("li");
      li.className = "msg msg--" + sender;
      if (sender === "adviser") {
        var who = document.createElement("span");
        who.className = "msg__who";
        who.textContent = "Adviseur";
        li.appendChild(who);
      }
      li.appendChild(richText(text));
      log.appendChild(li);
    }
    if (buttons && buttons.length) {
      var wrap = document.createElement("li");
      wrap.className = "buttons";
      buttons.forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.title;
        btn.addEventListener("click", function () { wrap.remove(); send(b.payload, b.title); });
        wrap.appendChild(btn);
      });
      log.appendChild(wrap);
    }
    log.scrollTop = log.scrollHeight;
    window.scrollTo(0, document.body.scrollHeight);
  }

  function api(method, path, body) {
    var headers = body ? { "Content-Type": "application/json" } : {};
    if (token && path.indexOf("/api/v1/chat/") === 0) { headers.Authorization = "Bearer " + token; }
    return fetch(path, {
      method: method,
      headers: headers,
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (r) {
      if (!r.ok) { var err = new Error("HTTP " + r.status); err.status = r.status; throw err; }
      return r.json();
    });
  }

  function ensureConversation() {
    if (cid) { return Promise.resolve(cid); }
    return api("POST", "/api/v1/chat").then(function (d) {
      cid = d.conversation_id; token = d.token;
      localStorage.setItem(KEY, cid); localStorage.setItem(KEY + ".token", token);
      return cid;
    });
  }

  function loadHistory() {
    return api("GET", "/api/v1/chat/" + cid + "/messages?after=" + lastId).then(function (d) {
      d.messages.forEach(function (m) {
        lastId = Math.max(lastId, m.id);
        addMessage(m.sender, m.text, m.sender === "user" ? [] : m.buttons);
      });
    });
  }

  function send(text, shown) {
    if (busy || !text) { return; }
    busy = true;
    setStatus("Koers typt…");
    ensureConversation().then(function () {
      addMessage("user", shown || text);
      return api("POST", "/api/v1/chat/" + cid + "/messages", { text: text });
    }).then(function (d) {
      d.messages.forEach(function (m) { addMessage("bot", m.text, m.buttons); });
      lastId = Math.max(lastId, d.last_id || 0);
      setStatus("");
    }).catch(function () {
      setStatus("Er ging iets mis met de verbinding. Probeer het zo nog eens.");
    }).finally(function () { busy = false; input.focus(); });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    input.value = "";
    send(text);
  });

  document.getElementById("restart").addEventListener("click", function () {
    send("opnieuw beginnen", "Opnieuw beginnen");
  });

  // Messages from an adviser arrive while the person waits: poll for them.
  setInterval(function () {
    if (cid && !busy) { loadHistory().catch(function () {}); }
  }, 3000);

  if (cid) {
    loadHistory().catch(function (e) {
      if (e.status !== 404 && e.status !== 400) { setStatus("Er ging iets mis met de verbinding."); return; }
      // Gone or no longer ours: a new conversation, without an error.
      localStorage.removeItem(KEY); localStorage.removeItem(KEY + ".token"); cid = null; token = null;
      send("hoi", "Hoi");
    });
  } else {
    send("hoi", "Hoi");
  }
  input.focus();
})();
