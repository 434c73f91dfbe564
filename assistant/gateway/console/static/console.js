// Koers adviser console: live queue and live chat by (long-)polling small JSON APIs.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";
  var page = document.body.getAttribute("data-page");
  var SENDERS = { user: "Persoon", bot: "Koers", adviser: "Adviseur", system: "Koers (service)" };

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (r.status === 401) { window.location.href = "/console/login?next=" + encodeURIComponent(location.pathname); }
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.json();
    });
  }

  function postJSON(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Accept: "application/json" },
      body: JSON.stringify(body || {}),
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (d) {
        if (!r.ok) { throw new Error(d.error || ("Er ging iets mis (HTTP " + r.status + ").")); }
        return d;
      });
    });
  }

  function clock(iso) {
    if (!iso) { return ""; }
    return new Date(iso).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  // -- queue ---------------------------------------------------------------------------------
  // The server renders the table (same filters, same page); the page swaps it in when it changed,
  // but never while the adviser is using a control inside it (focus would be lost).
  function pollQueue() {
    var box = document.getElementById("cases");
    var url = box && box.getAttribute("data-live");
    if (!url) { return; }
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } }).then(function (r) {
      if (r.status === 401) { window.location.href = "/console/login?next=" + encodeURIComponent(location.pathname); }
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.text();
    }).then(function (html) {
      if (html !== box.innerHTML && !box.contains(document.activeElement)) { box.innerHTML = html; }
    }).catch(function () {}).then(function () {
      setTimeout(pollQueue, 4000);
    });
  }

  // -- live chat -----------------------------------------------------------------------------
  function startCase() {
    var caseId = document.body.getAttribute("data-case-id");
    var lastId = parseInt(document.body.getAttribute("data-last-id") || "0", 10);
    var list = document.getElementById("messages");
    var feedback = document.getElementById("feedback");
    var form = document.getElementById("reply-form");
    var input = document.getElementById("reply");
    var badge = document.getElementById("case-status");
    var base = "/console/api/cases/" + caseId;

    function say(text, isError) {
      feedback.textContent = text || "";
      feedback.className = "feedback" + (isError ? " error" : "");
    }

    function setStatus(status, label) {
      badge.textContent = label;
      var open = status === "waiting" || status === "active";
      document.getElementById("takeover").disabled = status !== "waiting";
      document.getElementById("handback").disabled = !open;
      document.getElementById("close").disabled = status === "closed";
      document.getElementById("send").disabled = !open;
      input.disabled = !open;
    }

    function addMessage(m) {
      if (m.id <= lastId) { return; }
      lastId = m.id;
      var li = el("li", "msg msg--" + m.sender);
      li.setAttribute("data-id", m.id);
      li.appendChild(el("span", "msg__who", (SENDERS[m.sender] || m.sender) + " · " + clock(m.created_at)));
      if (m.text) { li.appendChild(el("span", "msg__text", m.text)); }
      if (m.buttons && m.buttons.length) {
        var wrap = el("span", "msg__buttons");
        m.buttons.forEach(function (b) { wrap.appendChild(el("span", "chip", b.title)); });
        li.appendChild(wrap);
      }
      if (m.delivery) { li.appendChild(el("span", "chip chip--event msg__delivery", m.delivery)); }
      list.appendChild(li);
      li.scrollIntoView({ block: "end" });
    }

    function poll() {
      getJSON(base + "?after=" + lastId + "&wait=20").then(function (d) {
        d.messages.forEach(addMessage);
        setStatus(d.case.status, d.case.status_label);
        setTimeout(poll, 200);
      }).catch(function () {
        say("Verbinding kwijt. Ik probeer het opnieuw…", true);
        setTimeout(poll, 3000);
      });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) { return; }
      say("Versturen…");
      postJSON(base + "/reply", { text: text }).then(function (d) {
        input.value = "";
        say("Verstuurd.");
        setStatus(d.status, d.status_label);
      }).catch(function (err) { say(err.message, true); });
    });

    Array.prototype.forEach.call(document.querySelectorAll("[data-action]"), function (btn) {
      btn.addEventListener("click", function () {
        say("Bezig…");
        postJSON(base + "/" + btn.getAttribute("data-action")).then(function (d) {
          setStatus(d.status, d.status_label);
          say({ takeover: "Je hebt het gesprek overgenomen.", handback: "Koers neemt het gesprek weer over.",
                close: "Het gesprek is gesloten." }[btn.getAttribute("data-action")]);
        }).catch(function (err) { say(err.message, true); });
      });
    });

    getJSON(base + "?after=" + lastId).then(function (d) {
      d.messages.forEach(addMessage);
      setStatus(d.case.status, d.case.status_label);
    }).catch(function () {}).then(poll);
  }

  if (page === "queue") { setTimeout(pollQueue, 4000); }
  if (page === "case") { startCase(); }
})();
