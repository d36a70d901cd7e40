// The visitor's side of an SMS conversation with the local Vuoro: sends through /local/simulate
// (signed like Twilio) and shows what the fake Twilio sent to this phone number.
(function () {
  'use strict';
  const from = document.getElementById('from');
  const to = document.getElementById('to');
  const body = document.getElementById('body');
  const conversation = document.getElementById('conversation');
  const status = document.getElementById('status');
  const sent = [];
  let lastReplies = [];
  let shown = '';

  from.value = sessionStorage.getItem('vuoro.from') || '+35840' + String(Math.floor(1000000 + Math.random() * 8999999));
  sessionStorage.setItem('vuoro.from', from.value);
  from.addEventListener('change', () => {
    sessionStorage.setItem('vuoro.from', from.value.trim());
    sent.length = 0;
    lastReplies = [];
    render(lastReplies);
    refresh();
  });

  fetch('/local/demo').then(r => r.json()).then(demo => { if (!to.value) { to.value = demo.siteNumber; } });

  async function send(text) {
    status.textContent = '';
    // Placed after the replies already shown: browser and server clocks are not compared.
    sent.push({ text: text, at: new Date().toISOString(), after: lastReplies.length });
    render(lastReplies);
    try {
      const response = await fetch('/local/simulate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: from.value.trim(), to: to.value.trim(), body: text })
      });
      const result = await response.json();
      if (!response.ok || result.webhookStatus !== 200) {
        status.textContent = 'The message was not delivered: ' + (result.webhookResponse || response.status);
      }
    } catch (e) {
      status.textContent = 'Vuoro did not answer: is the local runtime running?';
    }
    refresh();
  }

  async function refresh() {
    try {
      const response = await fetch('/local/messages?phone=' + encodeURIComponent(from.value.trim()));
      lastReplies = (await response.json()).filter(m => m.to === from.value.trim());
      render(lastReplies);
    } catch (e) {
      status.textContent = 'Vuoro did not answer: is the local runtime running?';
    }
  }

  function render(replies) {
    const items = [];
    for (let i = 0; i <= replies.length; i++) {
      sent.filter(m => m.after === i).forEach(m => items.push({ kind: 'out', text: m.text, at: m.at }));
      if (i < replies.length) {
        items.push({ kind: 'in', text: replies[i].body, at: replies[i].createdAt });
      }
    }
    const key = JSON.stringify(items);
    if (key === shown) { return; }
    shown = key;
    conversation.replaceChildren(...items.map(item => {
      const li = document.createElement('li');
      li.className = item.kind;
      li.dir = 'auto';
      li.textContent = item.text;
      const time = document.createElement('small');
      time.textContent = new Date(item.at).toLocaleTimeString();
      time.dir = 'ltr';
      li.appendChild(time);
      return li;
    }));
    conversation.scrollTop = conversation.scrollHeight;
  }

  document.getElementById('compose').addEventListener('submit', event => {
    event.preventDefault();
    const text = body.value;
    body.value = '';
    send(text);
  });
  document.querySelectorAll('.quick button').forEach(button =>
    button.addEventListener('click', () => send(button.dataset.text)));

  refresh();
  setInterval(refresh, 1500);
})();
