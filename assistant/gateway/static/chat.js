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

  function setStatus(text) { statusEl.textContent = text || ""; }

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
      li.appendChild(document.createTextNode(text));
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
    return fetch(path, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.json();
    });
  }

  function ensureConversation() {
    if (cid) { return Promise.resolve(cid); }
    return api("POST", "/api/v1/chat").then(function (d) {
      cid = d.conversation_id; localStorage.setItem(KEY, cid); return cid;
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
    loadHistory().catch(function () { localStorage.removeItem(KEY); cid = null; });
  } else {
    send("hoi", "Hoi");
  }
  input.focus();
})();
