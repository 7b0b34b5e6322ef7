// The interview page's player, layered on a page that works without it: each moment is a link (a media
// fragment or the segment's own address). With this script, following a moment seeks the player instead,
// and the transcript marks the segment being played and, if the reader wishes, keeps it in view.
(function () {
  "use strict";
  var player = document.getElementById("player");
  var transcript = document.getElementById("transcript");
  if (!player || !transcript) return;
  var lines = Array.prototype.slice.call(transcript.querySelectorAll("li[data-start]"));
  var starts = lines.map(function (li) { return Number(li.getAttribute("data-start")); });
  var current = null;

  // A checkbox, added only where it can work: keep the line being played in view. Its words come from the
  // page, which is translated.
  var section = transcript.closest("[data-follow-label]");
  var label = section ? section.getAttribute("data-follow-label") : "";
  var box = document.createElement("input");
  box.type = "checkbox";
  box.checked = true;
  box.id = "follow-playback";
  if (label) {
    var toggle = document.createElement("p");
    toggle.className = "follow";
    var text = document.createElement("label");
    text.htmlFor = box.id;
    text.textContent = label;
    toggle.appendChild(box);
    toggle.appendChild(text);
    transcript.parentNode.insertBefore(toggle, transcript);
  }

  function lineAt(ms) {
    // The last line starting at or before this moment: a binary search, as a transcript holds thousands.
    var low = 0, high = starts.length - 1, found = -1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (starts[mid] <= ms) { found = mid; low = mid + 1; } else { high = mid - 1; }
    }
    return found < 0 ? null : lines[found];
  }

  function mark(li) {
    if (li === current) return;
    if (current) { current.classList.remove("current"); current.removeAttribute("aria-current"); }
    current = li;
    if (!li) return;
    li.classList.add("current");
    li.setAttribute("aria-current", "true");
    if (box.checked) li.scrollIntoView({ block: "nearest" });
  }

  function seek(ms) {
    player.currentTime = ms / 1000;
    mark(lineAt(ms));
    var playing = player.play();
    if (playing && playing.catch) playing.catch(function () {});  // a browser may refuse to autoplay
    var url = new URL(window.location.href);
    url.searchParams.set("t", String(ms / 1000));
    window.history.replaceState(null, "", url.pathname + url.search + window.location.hash);
  }

  function follow() { mark(lineAt(player.currentTime * 1000)); }
  player.addEventListener("timeupdate", follow);
  player.addEventListener("seeked", follow);

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.moment");
    if (!link) return;
    var li = link.closest("li[data-start]");
    var ms = li ? Number(li.getAttribute("data-start")) : null;
    if (ms === null) {
      var t = new URL(link.href, window.location.href).searchParams.get("t");
      ms = t === null ? null : Number(t) * 1000;
    }
    if (ms === null || isNaN(ms)) return;
    event.preventDefault();
    seek(ms);
  });

  var already = transcript.querySelector("li.current");
  if (already) { current = already; already.scrollIntoView({ block: "center" }); }
})();
