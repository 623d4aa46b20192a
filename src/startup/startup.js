/*
 * Fengong start-up: the page's first script, a classic script in <head>, in ES5 only (it must run in Internet
 * Explorer 11, which cannot parse the rest of the page's JavaScript). webpack copies it to dist/ unchanged;
 * test/startup/startup.test.ts parses it as ES5 and runs it.
 *
 * 1. Old webviews. Office without Microsoft Edge WebView2 shows add-ins in IE11 (Trident) or EdgeHTML: the
 *    bundle would fail silently there. Say so, in zh-CN first and then en-US (the texts are those of
 *    src/taskpane/i18n, keys startup.legacy.*: this file cannot import them, the test holds them equal).
 * 2. office.js only inside Office. Office opens the page with ?host=office (our manifest's URL) and its own
 *    _host_Info (in the query, window.name or sessionStorage, where office.js itself looks for it). Only then
 *    is office.js requested from Microsoft's CDN, written into <head> as Microsoft requires; in a browser tab
 *    the page makes no request outside its own origin.
 * What it found is left on window.fengongStartup ({ legacy, insideOffice }) for src/taskpane/startupSignals.ts.
 */
(function (window, document) {
  "use strict";

  var OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

  var TEXTS = [
    {
      lang: "zh-CN",
      title: "此版本的 Office 无法运行分工核查",
      body: "您的 Office 使用旧版 Internet Explorer 内核显示加载项，本加载项需要 Microsoft Edge WebView2。请使用 Microsoft 365 或 Excel 2021 及以上版本（已安装 WebView2 运行时），或在 Edge、Chrome 等浏览器中打开本页面核查 .xlsx 文件。",
    },
    {
      lang: "en-US",
      title: "This version of Office cannot run Fengong",
      body: "Your Office shows add-ins with the old Internet Explorer engine; this add-in needs Microsoft Edge WebView2. Use Microsoft 365 or Excel 2021 or later (with the WebView2 runtime installed), or open this page in a browser such as Edge or Chrome to check an .xlsx file.",
    },
  ];

  function isLegacy(userAgent) {
    return /Trident\/|MSIE |Edge\/\d/.test(userAgent);
  }

  function sessionValue(key) {
    try {
      return window.sessionStorage ? window.sessionStorage.getItem(key) : null;
    } catch (_e) {
      return null; // Storage refused (privacy settings): not a sign either way.
    }
  }

  function insideOffice() {
    var search = window.location.search || "";
    var hash = window.location.hash || "";
    if (/[?&]host=office(&|$)/.test(search)) return true;
    if (/[?&#]_host_Info=/i.test(search + hash)) return true;
    try {
      var named = JSON.parse(window.name || "null");
      if (named && named.hostInfo) return true;
    } catch (_e) {
      // window.name is not Office's JSON.
    }
    return !!sessionValue("hostInfoValue");
  }

  function element(tag, style, text) {
    var node = document.createElement(tag);
    node.setAttribute("style", style);
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  function showLegacyMessage() {
    var container = document.getElementById("container") || document.body;
    if (!container) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    var box = element("div", "margin:16px;font-family:'Microsoft YaHei','Segoe UI',sans-serif;font-size:14px;");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "legacy-webview");
    for (var i = 0; i < TEXTS.length; i++) {
      var section = element("div", "margin-bottom:16px;");
      section.setAttribute("lang", TEXTS[i].lang);
      section.appendChild(element("h1", "font-size:16px;margin:0 0 8px 0;", TEXTS[i].title));
      section.appendChild(element("p", "margin:0;line-height:1.5;", TEXTS[i].body));
      box.appendChild(section);
    }
    container.appendChild(box);
  }

  var legacy = isLegacy(window.navigator.userAgent || "");
  var office = insideOffice();
  window.fengongStartup = { legacy: legacy, insideOffice: office };

  if (office) {
    // Parser-inserted, so office.js loads and runs here in <head>, before the body, as with a static tag.
    document.write('<script type="text/javascript" src="' + OFFICE_JS + '"></' + "script>");
  }
  if (legacy) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showLegacyMessage);
    else showLegacyMessage();
  }
})(window, document);
