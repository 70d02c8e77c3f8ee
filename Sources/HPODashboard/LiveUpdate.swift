/// The bar, style and script that make a dashboard page live: the page listens to its event
/// stream and, when the version an event carries differs from its own, fetches itself again and
/// swaps its content in place, keeping the scroll position. Everything is inline; nothing is
/// fetched from any other host.
enum LiveUpdate {
    /// The bar's style, added to the page's own.
    static let style = """
        .hpo-bar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 18px; margin: -16px -24px 0; padding: 6px 24px; background: #f7f7f7; border-bottom: 1px solid #d4d4d4; font-size: 0.86em; color: #444; }
        .hpo-status { font-weight: bold; }
        .hpo-status::before { content: ""; display: inline-block; width: 0.65em; height: 0.65em; border-radius: 50%; margin-right: 0.45em; background: #999; }
        .hpo-on::before { background: #2a9d3a; }
        .hpo-wait::before { background: #e0a800; }
        .hpo-off::before { background: #c0392b; }
        .hpo-links { margin-left: auto; }
        .hpo-links a { margin-left: 12px; }
        .hpo-scroll { overflow-x: auto; max-width: 100%; }
        [id] { scroll-margin-top: 3em; }
        """

    /// The script: follows the event stream named by `#hpo-live`'s `data-events`, refetches the
    /// page when an event's version differs from `data-version`, swaps `#hpo-live`'s content,
    /// and shows the connection's state and local times.
    static let script = """
        (function () {
          "use strict";
          var live = document.getElementById("hpo-live");
          var status = document.getElementById("hpo-status");
          if (!live || !status) return;
          var version = live.getAttribute("data-version");
          var fetching = false, again = false;
          function show(kind, text) { status.className = "hpo-status hpo-" + kind; status.textContent = text; }
          function localTimes() {
            var times = document.querySelectorAll("time[datetime]"), today = new Date().toDateString();
            for (var i = 0; i < times.length; i++) {
              var t = new Date(times[i].getAttribute("datetime"));
              if (!isNaN(t.getTime())) times[i].textContent = t.toDateString() === today ? t.toLocaleTimeString() : t.toLocaleString();
            }
          }
          function stamp(what) {
            var updated = document.getElementById("hpo-updated");
            if (updated) updated.textContent = what + " " + new Date().toLocaleTimeString();
          }
          function copyChanged(doc) {
            var fresh = doc.getElementById("hpo-changed"), mine = document.getElementById("hpo-changed");
            if (fresh && mine) mine.innerHTML = fresh.innerHTML;
          }
          function refresh() {
            if (fetching) { again = true; return; }
            fetching = true;
            fetch(location.pathname + location.search, { cache: "no-store" })
              .then(function (response) {
                if (!response.ok) throw new Error("HTTP " + response.status);
                return response.text();
              })
              .then(function (html) {
                var doc = new DOMParser().parseFromString(html, "text/html");
                var fresh = doc.getElementById("hpo-live");
                if (!fresh) throw new Error("no content");
                var x = window.scrollX, y = window.scrollY;
                live.innerHTML = fresh.innerHTML;
                version = fresh.getAttribute("data-version");
                live.setAttribute("data-version", version);
                document.title = doc.title;
                copyChanged(doc);
                localTimes();
                stamp("page refreshed");
                window.scrollTo(x, y);
                show("on", "live");
              })
              .catch(function (error) { show("wait", "live, but the last refresh failed (" + error.message + ")"); })
              .then(function () {
                fetching = false;
                if (again) { again = false; refresh(); }
              });
          }
          localTimes();
          stamp("page loaded");
          if (!window.EventSource || !window.fetch || !window.DOMParser) { show("off", "not live: this browser cannot follow the study"); return; }
          show("wait", "connecting\\u2026");
          var source = new EventSource(live.getAttribute("data-events"));
          source.addEventListener("open", function () { show("on", "live"); });
          source.addEventListener("change", function (event) {
            show("on", "live");
            if (JSON.parse(event.data).version !== version) refresh();
          });
          source.addEventListener("unreadable", function (event) {
            show("wait", "live, but the study cannot be read: " + JSON.parse(event.data).message);
          });
          source.addEventListener("error", function () {
            if (source.readyState === EventSource.CLOSED) show("off", "offline: reload the page to try again");
            else show("wait", "reconnecting\\u2026");
          });
        })();
        """
}
