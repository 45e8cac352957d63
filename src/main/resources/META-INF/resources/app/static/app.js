// The LabelMint Mini App: signs in with Telegram's initData, then labels through the REST API.
// Plain script, no build step (docs/decisions/mini-app.md). Tokens live in this closure only, never in storage.
(function () {
  'use strict';

  // ---------------------------------------------------------------- launch parameters and theme

  // Telegram passes its launch parameters in the URL fragment; telegram-web-app.js, when it has loaded, reads the same.
  var launch = new URLSearchParams(window.location.hash.slice(1));

  function telegramWebApp() {
    return window.Telegram && window.Telegram.WebApp;
  }

  function initData() {
    var app = telegramWebApp();
    return (app && app.initData) || launch.get('tgWebAppData') || '';
  }

  // The variables telegram-web-app.js sets, so the stylesheet reads one set of names with or without it.
  function applyTheme(params) {
    Object.keys(params || {}).forEach(function (key) {
      var colour = params[key];
      if (/^[a-z_]+$/.test(key) && typeof colour === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(colour)) {
        document.documentElement.style.setProperty('--tg-theme-' + key.replace(/_/g, '-'), colour);
      }
    });
  }

  function themeFromLaunch() {
    try {
      return JSON.parse(launch.get('tgWebAppThemeParams') || '{}');
    } catch (e) {
      return {};
    }
  }

  // The Telegram script loads asynchronously (or never, outside Telegram): adopt it whenever it arrives.
  function adoptTelegram() {
    var app = telegramWebApp();
    if (!app) {
      return;
    }
    applyTheme(app.themeParams);
    app.onEvent('themeChanged', function () {
      applyTheme(app.themeParams);
    });
    app.ready();
    app.expand();
  }

  // ---------------------------------------------------------------- the API, with tokens in memory

  var tokens = { access: null, refresh: null };
  var renewing = null;

  function ApiError(detail, status) {
    this.message = detail;
    this.status = status;
  }

  function send(method, path, body, extraHeaders) {
    var headers = Object.assign({ 'Accept': 'application/json, application/problem+json' }, extraHeaders);
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (tokens.access) {
      headers['Authorization'] = 'Bearer ' + tokens.access;
    }
    return fetch(path, {
      method: method, headers: headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  // A problem+json answer carries a sentence for people in "detail"; that is what the labeler reads.
  function read(response) {
    if (response.status === 204) {
      return Promise.resolve(null);
    }
    return response.text().then(function (text) {
      var json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch (e) {
        json = null;
      }
      if (response.ok) {
        return json;
      }
      var detail = json && (json.detail || json.title) || ('The server answered ' + response.status);
      throw new ApiError(detail, response.status);
    });
  }

  function signIn() {
    tokens.access = null;
    return send('POST', '/api/v1/auth/telegram/webapp', { initData: initData() }).then(read).then(keep);
  }

  function keep(pair) {
    tokens.access = pair.accessToken;
    tokens.refresh = pair.refreshToken;
  }

  // Refresh tokens rotate and a reused one ends the session: two 401s at once must share one refresh.
  function renew() {
    if (!renewing) {
      var refreshToken = tokens.refresh;
      tokens.access = null;
      renewing = send('POST', '/api/v1/auth/refresh', { refreshToken: refreshToken }).then(read).then(keep)
        .catch(signIn)
        .finally(function () {
          renewing = null;
        });
    }
    return renewing;
  }

  function api(method, path, body, extraHeaders) {
    return send(method, path, body, extraHeaders).then(function (response) {
      if (response.status !== 401 || !tokens.refresh) {
        return read(response);
      }
      return renew().then(function () {
        return send(method, path, body, extraHeaders).then(read);
      });
    });
  }

  // ---------------------------------------------------------------- page helpers

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name.indexOf('on') === 0) {
        node.addEventListener(name.slice(2), attributes[name]);
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function $(id) {
    return document.getElementById(id);
  }

  function showStatus(text) {
    $('status').textContent = text || '';
    $('status').hidden = !text;
  }

  function showError(error) {
    $('error').textContent = error ? error.message || String(error) : '';
    $('error').hidden = !error;
  }

  // ---------------------------------------------------------------- tasks

  var busy = false;

  function loadNextTask() {
    showError(null);
    return api('POST', '/api/v1/tasks/next').then(showTask, showError);
  }

  // A task whose lease ran out (410) or that is gone (404) cannot be answered any more: keep the reason on screen
  // and move on to a new task, or the labeler would be stuck on buttons that all fail.
  function refused(error) {
    if (error.status !== 410 && error.status !== 404) {
      showError(error);
      return;
    }
    api('POST', '/api/v1/tasks/next').then(function (task) {
      showTask(task);
      showError(error);
    }, showError);
  }

  function submit(task, answer) {
    if (busy) {
      return;
    }
    busy = true;
    showError(null);
    api('POST', '/api/v1/tasks/' + task.leaseId + '/answer?next=true', { answer: answer })
      .then(function (receipt) {
        showTask(receipt.next);
      }, refused)
      .finally(function () {
        busy = false;
      });
  }

  function skip(task) {
    showError(null);
    api('POST', '/api/v1/tasks/' + task.leaseId + '/skip').then(loadNextTask, refused);
  }

  function showTask(task) {
    var view = $('task');
    view.replaceChildren();
    showStatus(null);
    if (!task) {
      delete view.dataset.leaseId;
      view.append(el('p', { id: 'no-task', 'class': 'status' }, 'No task for you right now. Come back in a little while.'),
        el('button', { type: 'button', 'class': 'primary', onclick: loadNextTask }, 'Check again'));
      return;
    }
    var label = task.project.label;
    view.dataset.leaseId = task.leaseId;
    view.dataset.kind = label.type;
    view.append(el('h2', {}, task.project.name));
    if (task.project.instructions) {
      view.append(el('p', { 'class': 'instructions' }, task.project.instructions));
    }
    task.project.dataFields.forEach(function (field) {
      var value = task.item.data[field.name];
      if (value === undefined || value === null || (label.type === 'bounding_boxes' && field.type === 'image')) {
        return;
      }
      view.append(field.type === 'image'
        ? el('div', { 'class': 'stage' }, el('img', { src: value, alt: field.name }))
        : el('p', { 'class': 'field' }, [el('span', { 'class': 'field-name' }, field.name), String(value)]));
    });
    view.append(ANSWERS[label.type](label, function (answer) {
      submit(task, answer);
    }, task));
    view.append(el('div', { 'class': 'row' },
      el('button', { type: 'button', 'class': 'secondary', id: 'skip', onclick: function () { skip(task); } }, 'Skip')));
  }

  function optionTitle(option) {
    return option.title || option.value;
  }

  function singleChoice(label, answer) {
    return el('div', { 'class': 'options' }, label.options.map(function (option) {
      return el('button', {
        type: 'button', 'class': 'option', 'data-value': option.value,
        onclick: function () { answer({ value: option.value }); }
      }, optionTitle(option));
    }));
  }

  function multipleChoice(label, answer) {
    var chosen = [];
    var done = el('button', { type: 'button', 'class': 'primary', onclick: function () { answer({ values: chosen.slice() }); } }, 'Submit');
    function update() {
      done.disabled = chosen.length < label.minSelected || chosen.length > label.maxSelected;
    }
    var toggles = label.options.map(function (option) {
      var toggle = el('button', { type: 'button', 'class': 'option', 'data-value': option.value, 'aria-pressed': 'false' }, optionTitle(option));
      toggle.addEventListener('click', function () {
        var at = chosen.indexOf(option.value);
        if (at >= 0) {
          chosen.splice(at, 1);
        } else {
          chosen.push(option.value);
        }
        toggle.setAttribute('aria-pressed', String(at < 0));
        update();
      });
      return toggle;
    });
    update();
    return el('div', { 'class': 'options' }, toggles.concat([
      el('p', { 'class': 'muted' }, 'Choose ' + label.minSelected + ' to ' + label.maxSelected + '.'), done]));
  }

  function freeText(label, answer) {
    var area = el('textarea', { maxlength: String(label.maxLength), 'aria-label': 'Your answer' });
    var counter = el('p', { 'class': 'counter' });
    var done = el('button', { type: 'button', 'class': 'primary', onclick: function () { answer({ text: area.value.trim() }); } }, 'Submit');
    // the server counts code points of the trimmed text, so this does too
    function update() {
      var length = Array.from(area.value.trim()).length;
      counter.textContent = length + ' / ' + label.maxLength + (label.minLength > 0 ? ' (at least ' + label.minLength + ')' : '');
      done.disabled = length < label.minLength || length > label.maxLength;
    }
    area.addEventListener('input', update);
    update();
    return el('div', {}, [area, counter, done]);
  }

  function rating(label, answer) {
    var steps = [];
    for (var value = label.min; value <= label.max; value++) {
      steps.push(value);
    }
    return el('div', { 'class': 'scale' }, steps.map(function (step) {
      return el('button', { type: 'button', 'class': 'option', 'data-value': String(step), onclick: function () { answer({ rating: step }); } },
        String(step));
    }));
  }

  // ---------------------------------------------------------------- bounding boxes

  var SMALLEST_BOX_PX = 6;

  function clamp(value) {
    return Math.min(1, Math.max(0, value));
  }

  function round(value) {
    return Math.round(value * 10000) / 10000;
  }

  // The schema's form: fractions of the image's width and height, x and y at the top-left corner, inside the image.
  function asAnswerBox(box) {
    var x = round(box.x);
    var y = round(box.y);
    return { 'class': box['class'], x: x, y: y, w: Math.min(round(box.w), round(1 - x)), h: Math.min(round(box.h), round(1 - y)) };
  }

  function boundingBoxes(label, answer, task) {
    var imageField = task.project.dataFields.filter(function (field) { return field.type === 'image'; })[0];
    var image = el('img', { src: task.item.data[imageField.name], alt: 'The image to draw boxes on', draggable: 'false' });
    var stage = el('div', { 'class': 'stage', id: 'stage' }, image);
    var boxes = [];
    var selected = -1;
    var chosenClass = label.classes[0];
    var start = null;
    var draft = null;

    function pointAt(event) {
      var frame = image.getBoundingClientRect();
      return { x: clamp((event.clientX - frame.left) / frame.width), y: clamp((event.clientY - frame.top) / frame.height) };
    }

    function spanning(from, to) {
      return { 'class': chosenClass, x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), w: Math.abs(to.x - from.x), h: Math.abs(to.y - from.y) };
    }

    function boxAt(point) {
      for (var i = boxes.length - 1; i >= 0; i--) {
        var box = boxes[i];
        if (point.x >= box.x && point.x <= box.x + box.w && point.y >= box.y && point.y <= box.y + box.h) {
          return i;
        }
      }
      return -1;
    }

    function outline(box, className) {
      var node = el('div', { 'class': className }, el('span', { 'class': 'box-class' }, box['class']));
      node.style.left = (box.x * 100) + '%';
      node.style.top = (box.y * 100) + '%';
      node.style.width = (box.w * 100) + '%';
      node.style.height = (box.h * 100) + '%';
      return node;
    }

    function redraw() {
      stage.querySelectorAll('.box').forEach(function (node) { node.remove(); });
      boxes.forEach(function (box, index) {
        stage.append(outline(box, index === selected ? 'box selected' : 'box'));
      });
      if (draft) {
        stage.append(outline(draft, 'box draft'));
      }
      undo.disabled = boxes.length === 0;
      remove.disabled = selected < 0;
      done.textContent = boxes.length === 0 ? 'Submit: nothing to box' : 'Submit ' + boxes.length + (boxes.length === 1 ? ' box' : ' boxes');
    }

    // Pointer events cover mouse, pen and finger alike; capture keeps the drag ours when it leaves the picture.
    stage.addEventListener('pointerdown', function (event) {
      event.preventDefault();
      stage.setPointerCapture(event.pointerId);
      start = pointAt(event);
    });
    stage.addEventListener('pointermove', function (event) {
      if (start) {
        draft = spanning(start, pointAt(event));
        redraw();
      }
    });
    stage.addEventListener('pointerup', function (event) {
      if (!start) {
        return;
      }
      var end = pointAt(event);
      var box = spanning(start, end);
      var frame = image.getBoundingClientRect();
      start = null;
      draft = null;
      if (box.w * frame.width < SMALLEST_BOX_PX || box.h * frame.height < SMALLEST_BOX_PX) {
        selected = boxAt(end); // a tap picks a box to delete
      } else if (boxes.length >= label.maxBoxes) {
        showError(new ApiError('At most ' + label.maxBoxes + ' boxes on this image.'));
      } else {
        boxes.push(box);
        selected = -1;
      }
      redraw();
    });
    stage.addEventListener('pointercancel', function () {
      start = null;
      draft = null;
      redraw();
    });

    var classButtons = label.classes.map(function (name) {
      var button = el('button', { type: 'button', 'class': 'option', 'data-class': name, 'aria-pressed': String(name === chosenClass) }, name);
      button.addEventListener('click', function () {
        chosenClass = name;
        classButtons.forEach(function (other) { other.setAttribute('aria-pressed', String(other === button)); });
      });
      return button;
    });
    var undo = el('button', { type: 'button', 'class': 'secondary', id: 'undo', onclick: function () {
      boxes.pop();
      selected = -1;
      redraw();
    } }, 'Undo');
    var remove = el('button', { type: 'button', 'class': 'secondary', id: 'delete-box', onclick: function () {
      boxes.splice(selected, 1);
      selected = -1;
      redraw();
    } }, 'Delete box');
    var done = el('button', { type: 'button', 'class': 'primary', id: 'submit-boxes', onclick: function () {
      answer({ boxes: boxes.map(asAnswerBox) });
    } });
    redraw();
    return el('div', {}, [
      el('p', { 'class': 'muted' }, 'Pick a class, then drag on the image to draw a box. Tap a box to select it.'),
      el('div', { 'class': 'classes' }, classButtons), stage, el('div', { 'class': 'row' }, [undo, remove]), done]);
  }

  var ANSWERS = {
    single_choice: singleChoice,
    multiple_choice: multipleChoice,
    free_text: freeText,
    rating: rating,
    bounding_boxes: boundingBoxes
  };

  // ---------------------------------------------------------------- wallet

  // "0.050000" USDT reads as "0.05 USDT": the API gives every decimal of the currency, people need two
  function money(amount) {
    return amount.amount.replace(/(\.\d\d\d*?)0+$/, '$1') + ' ' + amount.currency;
  }

  function showWallet() {
    var view = $('wallet');
    showError(null);
    return Promise.all([api('GET', '/api/v1/wallet?limit=20'), api('GET', '/api/v1/wallet/withdrawals?limit=10')])
      .then(function (both) {
        var wallet = both[0];
        view.replaceChildren();
        view.append(el('h2', {}, 'Balance'));
        view.append(wallet.balances.length === 0
          ? el('p', { 'class': 'muted', id: 'no-balance' }, 'Nothing earned yet: accepted answers are paid here.')
          : el('div', { 'class': 'balances' }, wallet.balances.map(function (balance) {
            return el('div', { 'class': 'balance' }, [el('span', { 'class': 'muted' }, 'available'), el('strong', {}, money(balance.available)),
              el('span', { 'class': 'muted' }, 'incoming ' + money(balance.incoming) + ', held ' + money(balance.held))]);
          })));
        view.append(withdrawForm(), el('h2', {}, 'Withdrawals'), withdrawalList(both[1].items));
        view.append(el('h2', {}, 'History'));
        view.append(wallet.history.items.length === 0
          ? el('p', { 'class': 'muted' }, 'No movements yet.')
          : el('ul', { 'class': 'history' }, wallet.history.items.map(function (movement) {
            return el('li', {}, [
              el('span', {}, [movement.reasonType + (movement.kind === 'pending' ? ' (held)' : ''),
                el('span', { 'class': 'muted' }, ' ' + new Date(movement.at).toLocaleDateString())]),
              el('span', { 'class': movement.direction }, (movement.direction === 'in' ? '+' : '−') + money(movement.amount))]);
          })));
      }, showError);
  }

  // One key per withdrawal the labeler means: a retry after a lost answer sends the same key with the same amount and
  // address, so the server makes it once; a new amount or address is a new withdrawal with a new key.
  var withdrawal = { key: null, amount: null, address: null };

  function newKey() {
    if (window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return Array.prototype.map.call(window.crypto.getRandomValues(new Uint8Array(16)), function (b) {
      return (b + 256).toString(16).slice(1);
    }).join('');
  }

  function withdrawForm() {
    var amount = el('input', { id: 'withdraw-amount', name: 'amount', inputmode: 'decimal', autocomplete: 'off', placeholder: '10.00',
      required: 'required' });
    var address = el('input', { id: 'withdraw-address', name: 'address', autocomplete: 'off', autocapitalize: 'off',
      spellcheck: 'false', placeholder: 'UQ…', required: 'required' });
    var submit = el('button', { type: 'submit', 'class': 'primary', id: 'withdraw-submit' }, 'Withdraw');
    var form = el('form', { id: 'withdraw-form', 'class': 'form' }, [
      el('h2', {}, 'Withdraw'),
      el('p', { 'class': 'muted' }, 'USDT to your TON wallet. Paste its address from your wallet app.'),
      el('label', { 'for': 'withdraw-amount' }, 'Amount, USDT'), amount,
      el('label', { 'for': 'withdraw-address' }, 'TON address'), address, submit]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var order = { amount: amount.value.trim().replace(',', '.'), address: address.value.trim() };
      if (withdrawal.key === null || withdrawal.amount !== order.amount || withdrawal.address !== order.address) {
        withdrawal = { key: newKey(), amount: order.amount, address: order.address };
      }
      submit.disabled = true;
      showError(null);
      api('POST', '/api/v1/wallet/withdrawals', order, { 'Idempotency-Key': withdrawal.key })
        .then(function () {
          withdrawal = { key: null, amount: null, address: null };
          return showWallet();
        }, function (error) {
          if (error instanceof ApiError) {
            withdrawal.key = null; // the server answered: nothing to replay
          }
          showError(error);
        })
        .finally(function () {
          submit.disabled = false;
        });
    });
    return form;
  }

  var STATUS_WORDS = {
    awaiting_approval: 'waiting for approval', approved: 'approved', queued: 'queued', sending: 'sending', sent: 'sent',
    completed: 'completed', failed: 'failed', rejected: 'rejected'
  };

  function withdrawalList(withdrawals) {
    if (withdrawals.length === 0) {
      return el('p', { 'class': 'muted', id: 'no-withdrawals' }, 'No withdrawals yet.');
    }
    return el('ul', { 'class': 'history', id: 'withdrawals' }, withdrawals.map(function (item) {
      var why = item.failureReason || item.decisionReason;
      return el('li', { 'data-status': item.status }, [
        el('span', {}, [STATUS_WORDS[item.status] || item.status,
          el('span', { 'class': 'muted' }, ' to ' + item.address.slice(0, 6) + '…' + item.address.slice(-4)
            + ', ' + new Date(item.createdAt).toLocaleDateString() + (why ? ': ' + why : ''))]),
        el('span', { 'class': 'out' }, '−' + money(item.amount))]);
    }));
  }

  // ---------------------------------------------------------------- notices

  // What LabelMint told the labeler in the app: accepted and rejected answers and rewards stay here unless they asked
  // for them in Telegram or by e-mail, so the Mini App is where a Telegram labeler reads them.
  function refreshUnread() {
    return api('GET', '/api/v1/notifications/unread-count').then(function (count) {
      $('unread').textContent = count.unread > 99 ? '99+' : String(count.unread);
      $('unread').hidden = count.unread === 0;
    }, function () {
      $('unread').hidden = true; // a badge is not worth an error on screen
    });
  }

  function showNotices() {
    var view = $('notices');
    showError(null);
    return api('GET', '/api/v1/notifications?limit=30').then(function (page) {
      view.replaceChildren();
      var unread = page.items.filter(function (notice) { return !notice.read; }).length;
      view.append(el('div', { 'class': 'row' }, [el('h2', {}, 'Notices'),
        unread === 0 ? el('span', {}) : el('button', { type: 'button', 'class': 'secondary', id: 'read-all', onclick: readAll }, 'Mark all read')]));
      view.append(page.items.length === 0
        ? el('p', { 'class': 'muted', id: 'no-notices' }, 'Nothing yet: accepted answers and rewards show up here.')
        : el('ul', { 'class': 'history notices' }, page.items.map(noticeItem)));
      return refreshUnread();
    }, showError);
  }

  function noticeItem(notice) {
    var about = [notice.params.project, new Date(notice.createdAt).toLocaleString()].filter(Boolean).join(' · ');
    var item = el('li', { 'data-kind': notice.kind, 'data-read': String(notice.read) }, [
      el('span', {}, [el('strong', {}, notice.title), el('span', { 'class': 'muted' }, about)])]);
    if (!notice.read) {
      item.addEventListener('click', function () {
        api('POST', '/api/v1/notifications/' + notice.id + '/read').then(function () {
          item.setAttribute('data-read', 'true');
          return refreshUnread();
        }, showError);
      });
    }
    return item;
  }

  function readAll() {
    api('POST', '/api/v1/notifications/read-all').then(showNotices, showError);
  }

  // ---------------------------------------------------------------- views and start

  var VIEWS = { task: loadNextTask, wallet: showWallet, notices: showNotices };

  function switchTo(name) {
    document.querySelectorAll('.tab').forEach(function (tab) {
      tab.setAttribute('aria-pressed', String(tab.dataset.view === name));
    });
    Object.keys(VIEWS).forEach(function (view) {
      $(view).hidden = view !== name;
    });
    return VIEWS[name]();
  }

  function start() {
    applyTheme(themeFromLaunch());
    var script = $('telegram-web-app');
    if (telegramWebApp()) {
      adoptTelegram();
    } else if (script) {
      script.addEventListener('load', adoptTelegram);
    }
    document.querySelectorAll('.tab').forEach(function (tab) {
      tab.addEventListener('click', function () { switchTo(tab.dataset.view); });
    });
    if (!initData()) {
      showStatus('Open LabelMint from its bot in Telegram: this page signs you in with your Telegram account.');
      return;
    }
    signIn().then(function () {
      refreshUnread();
      return switchTo('task');
    }).catch(function (error) {
      showStatus(null);
      showError(error);
    });
  }

  start();
}());
