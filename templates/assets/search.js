// The search page's script: reads the query from ?q=, fetches only the index shards its words fall in (and the
// chunks of the documents shown), keeps the documents holding every word, ranks them (title, then summary or
// topics, then body) and shows them with text nodes only. No eval, no innerHTML: the page's policy allows this
// file and fetches from the site itself, nothing else. Words are keyed exactly as the build keys them
// (Sources/DossierKit/Support/NameFolding.swift), so "Zelenskyy", "Zelenskiy" and "Zelensky" are one word.
(function () {
  "use strict";

  var PAGE = 20;
  var MAX_TERM_BYTES = 64;
  var MIN_LETTERS = 6;
  var CLITICS = ["s", "d", "ll", "re", "ve", "m", "t"];
  var NON_ASCII_WORD = /[\p{Alphabetic}\p{N}\p{Mn}]/u;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  function isApostrophe(cp) {
    return cp === 0x27 || cp === 0x2019 || cp === 0x2bc || cp === 0x2b9 || cp === 0x2ba;
  }

  function isWordScalar(cp) {
    if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
    return NON_ASCII_WORD.test(String.fromCodePoint(cp));
  }

  // Whether an apostrophe followed by cps[from...] joins two parts of a word (Zelens'kyi), not a clitic (Zelensky's).
  function joins(cps, from) {
    var part = [];
    for (var i = from; i < Math.min(from + 3, cps.length); i++) {
      if (!isWordScalar(cps[i]) || isApostrophe(cps[i])) break;
      part.push(cps[i]);
    }
    if (part.length === 3) return true;
    if (part.length === 0) return false;
    return !CLITICS.some(function (clitic) {
      if (clitic.length !== part.length) return false;
      for (var j = 0; j < part.length; j++) if ((part[j] | 0x20) !== clitic.charCodeAt(j)) return false;
      return true;
    });
  }

  function isIota(b) { return b === 0x79 || b === 0x69 || b === 0x6a; }
  function isIotated(b) { return b === 0x61 || b === 0x75 || b === 0x65; }
  function isConsonant(b) {
    if (b === 0x61 || b === 0x65 || b === 0x69 || b === 0x6f || b === 0x75 || b === 0x79 || b === 0x6a) return false;
    return b >= 0x61 && b <= 0x7a;
  }

  // The key of a lower-cased word: NameFolding.fold on its UTF-8 bytes.
  function folded(text) {
    var bytes = Array.from(encoder.encode(text)).filter(function (b) { return b !== 0x27; })
      .map(function (b) { return b >= 0x41 && b <= 0x5a ? b + 0x20 : b; });
    var count = bytes.length;
    var letters = bytes.filter(function (b) { return (b & 0xc0) !== 0x80; }).length;
    if (letters >= MIN_LETTERS) {
      for (var i = 0; i < count - 1; i++) if (isIota(bytes[i]) && isIotated(bytes[i + 1])) bytes[i] = 0x6a;
      var start = count;
      while (start > 0 && isIota(bytes[start - 1])) start--;
      var tail = count - start;
      if (start > 1 && (tail === 1 || tail === 2) && bytes[start] !== 0x6a) {
        var adjectival = bytes[start - 1] === 0x6b && (bytes[start - 2] === 0x73 || bytes[start - 2] === 0x63);
        if (tail === 2 ? isConsonant(bytes[start - 1]) : adjectival) {
          bytes[start] = 0x79;
          bytes[start + 1] = 0x6a;
          count = start + 2;
        }
      }
    }
    return decoder.decode(new Uint8Array(bytes.slice(0, count)));
  }

  function key(cps) {
    if (cps.every(function (cp) { return cp < 0x80; })) return folded(String.fromCodePoint.apply(null, cps));
    var plain = "";
    cps.forEach(function (cp) {
      if (cp === 0x12c || cp === 0x12d) plain += "j";
      else if (cp === 0xcf || cp === 0xef) plain += "i";
      else if (cp === 0x361 || isApostrophe(cp)) return;
      else plain += String.fromCodePoint(cp).toLowerCase();
    });
    return folded(plain);
  }

  // The keys of the words of `text`, as NameFolding.words(in:) finds them.
  function words(text) {
    var cps = Array.from(text, function (c) { return c.codePointAt(0); });
    var keys = [];
    var start = -1;
    for (var i = 0; i < cps.length; i++) {
      var cp = cps[i];
      if (isApostrophe(cp) ? start >= 0 && joins(cps, i + 1) : isWordScalar(cp)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        keys.push(key(cps.slice(start, i)));
        start = -1;
      }
    }
    if (start >= 0) keys.push(key(cps.slice(start)));
    return keys;
  }

  // FNV-1a of the term's UTF-8 bytes, as SearchIndex.shard(of:count:).
  function shard(term, count) {
    var hash = 0x811c9dc5;
    encoder.encode(term).forEach(function (b) {
      hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
    });
    return hash & (count - 1);
  }

  // A term's postings: document number → where the term stands (4 title, 2 summary or topics, 1 body).
  function decode(list) {
    var map = new Map();
    var doc = -1;
    for (var i = 0; i < list.length; i++) {
      doc += Math.floor(list[i] / 8);
      map.set(doc, list[i] % 8);
    }
    return map;
  }

  function weight(fields) { return fields & 4 ? 100 : fields & 2 ? 10 : 1; }

  // The documents holding every term, best first: a term in a title outweighs any number in bodies; ties go to
  // the lower number, the newer document. `tables`: each term's shard, as fetched.
  function rank(terms, tables) {
    var postings = terms.map(function (term, i) {
      var table = tables[i];
      return Object.prototype.hasOwnProperty.call(table, term) ? decode(table[term]) : new Map();
    });
    postings.sort(function (a, b) { return a.size - b.size; });
    var ranked = [];
    postings[0].forEach(function (fields, doc) {
      var score = weight(fields);
      for (var i = 1; i < postings.length; i++) {
        var other = postings[i].get(doc);
        if (other === undefined) return;
        score += weight(other);
      }
      ranked.push({ doc: doc, score: score });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return ranked;
  }

  // Outside a browser (the bench times the query in node), the functions alone.
  if (typeof document === "undefined") {
    if (typeof module === "object") module.exports = { words: words, shard: shard, rank: rank, MAX_TERM_BYTES: MAX_TERM_BYTES };
    return;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function text(node, value) {
    node.appendChild(document.createTextNode(value));
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  var form = document.querySelector("form.search");
  if (!form) return;
  var input = document.getElementById("q");
  var fallback = document.getElementById("search-fallback");
  var reason = document.getElementById("search-fallback-reason");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");

  function fail(message) {
    clear(reason);
    text(reason, message);
    fallback.hidden = false;
    clear(status);
  }

  if (location.protocol === "file:") {
    fail("Search needs the site served by a web server: a browser opening the files directly blocks the script " +
      "from reading the search index.");
    return;
  }
  fallback.hidden = true;

  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  var terms = Array.from(new Set(words(query)));
  if (terms.length === 0) return;
  text(status, "Searching…");

  var chunks = new Map();
  function chunk(number) {
    if (!chunks.has(number)) chunks.set(number, getJSON(base + "docs/" + number + ".json"));
    return chunks.get(number);
  }

  function show(meta, ranked, from) {
    var page = ranked.slice(from, from + PAGE);
    var needed = Array.from(new Set(page.map(function (hit) { return Math.floor(hit.doc / meta.chunk); })));
    return Promise.all(needed.map(function (n) { return chunk(n); })).then(function (loaded) {
      var byNumber = new Map(needed.map(function (n, i) { return [n, loaded[i]]; }));
      page.forEach(function (hit) {
        var row = byNumber.get(Math.floor(hit.doc / meta.chunk))[hit.doc % meta.chunk];
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.setAttribute("href", root + row[0]);
        heading.appendChild(text(link, row[1]));
        item.appendChild(heading);
        var about = text(document.createElement("p"), row[2] === "note" ? "Note" : "Article");
        about.className = "search-meta";
        if (row[3]) {
          text(about, " · ");
          var time = text(document.createElement("time"), row[4]);
          time.setAttribute("datetime", row[3]);
          about.appendChild(time);
        }
        item.appendChild(about);
        if (row[5]) item.appendChild(text(document.createElement("p"), row[5]));
        list.appendChild(item);
      });
      var more = document.getElementById("search-more");
      if (more) more.parentNode.removeChild(more);
      if (from + PAGE < ranked.length) {
        var button = text(document.createElement("button"), "More results");
        button.type = "button";
        button.id = "search-more";
        button.addEventListener("click", function () { show(meta, ranked, from + PAGE); });
        list.parentNode.insertBefore(button, list.nextSibling);
      }
    });
  }

  getJSON(base + "meta.json").then(function (meta) {
    if (terms.some(function (term) { return encoder.encode(term).length > MAX_TERM_BYTES; })) return [meta, []];
    var shards = Array.from(new Set(terms.map(function (term) { return shard(term, meta.shards); })));
    return Promise.all(shards.map(function (n) { return getJSON(base + "terms/" + n + ".json"); })).then(function (loaded) {
      var byShard = new Map(shards.map(function (n, i) { return [n, loaded[i]]; }));
      var ranked = rank(terms, terms.map(function (term) { return byShard.get(shard(term, meta.shards)); }));
      return [meta, ranked];
    });
  }).then(function (result) {
    var meta = result[0], ranked = result[1];
    clear(status);
    var found = ranked.length === 1 ? "1 result" : ranked.length + " results";
    text(status, ranked.length === 0 ? "Nothing holds every word of “" + query + "”." : found + " for “" + query + "”.");
    status.setAttribute("data-count", String(ranked.length));
    return show(meta, ranked, 0);
  }).catch(function () {
    fail("The search index could not be read, so search does not work here.");
  });
})();
