/*
 * Search client for the handbook. It reads a static index (written by the build's index stage;
 * one per language: /soeg/data/ for Danish, /en/soeg/data/ for English) piece by piece and ranks
 * sections by the same rules as the Lucene searcher (dk.dis.handbook.search.LuceneSearcher):
 * the index's language decides the words, folding and stems (Danish: aa/oe/ae folding and
 * Snowball stems; English: possessives dropped and Porter stems), then the same synonyms,
 * completion of the last word and tolerance for small typos. The search page gives the index
 * and the texts to show in its own language. No framework, no third-party requests, no inline
 * code: it runs under a strict Content-Security-Policy. In Node it exports its engine (the
 * parity test uses it).
 */
(function () {
  'use strict';

  var WORD = /[\p{L}\p{Nd}]+/gu;
  var PLAIN = {
    'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'æ', 'ö': 'ø',
    'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u'
  };
  var DIGRAPHS = { aa: 'å', oe: 'ø', ae: 'æ' };

  /** Lower case, accents dropped, aa/oe/ae → å/ø/æ (as DanishText.fold). */
  function fold(text) {
    var s = text.normalize('NFC').toLowerCase();
    var out = '';
    for (var i = 0; i < s.length; i++) {
      var pair = DIGRAPHS[s.substr(i, 2)];
      if (pair && i + 1 < s.length) { out += pair; i++; continue; }
      out += PLAIN[s[i]] || s[i];
    }
    return out;
  }

  function words(text) {
    return text.normalize('NFC').match(WORD) || [];
  }

  // Snowball's Danish stemmer, from the algorithm's published description.
  var VOWELS = 'aeiouyæåø';
  var S_ENDING = 'abcdfghjklmnoprtvyzå';
  var MAIN_SUFFIXES = ['hed', 'ethed', 'ered', 'e', 'erede', 'ende', 'erende', 'ene', 'erne', 'ere', 'en',
    'heden', 'eren', 'er', 'heder', 'erer', 'heds', 'es', 'endes', 'erendes', 'enes', 'ernes', 'eres', 'ens',
    'hedens', 'erens', 'ers', 'ets', 'erets', 'et', 'eret', 's'].sort(function (a, b) { return b.length - a.length; });
  var OTHER_SUFFIXES = ['elig', 'løst', 'lig', 'els', 'ig'];

  function isVowel(c) { return VOWELS.indexOf(c) >= 0; }

  function region1(w) {
    if (w.length < 3) return w.length;
    var i = 0;
    while (i < w.length && !isVowel(w[i])) i++;
    while (i < w.length && isVowel(w[i])) i++;
    if (i >= w.length) return w.length;
    return Math.max(i + 1, 3);
  }

  function suffixIn(w, p1, list) {
    for (var i = 0; i < list.length; i++) {
      var s = list[i];
      if (w.length - s.length >= p1 && w.endsWith(s)) return s;
    }
    return null;
  }

  function consonantPair(w, p1) {
    return suffixIn(w, p1, ['gd', 'dt', 'gt', 'kt']) ? w.slice(0, -1) : w;
  }

  function stem(w) {
    var p1 = region1(w);
    var s = suffixIn(w, p1, MAIN_SUFFIXES);
    if (s === 's') {
      if (w.length >= 2 && S_ENDING.indexOf(w[w.length - 2]) >= 0) w = w.slice(0, -1);
    } else if (s) {
      w = w.slice(0, w.length - s.length);
    }
    w = consonantPair(w, p1);
    if (w.endsWith('igst')) w = w.slice(0, -2);
    s = suffixIn(w, p1, OTHER_SUFFIXES);
    if (s === 'løst') w = w.slice(0, -1);
    else if (s) w = consonantPair(w.slice(0, w.length - s.length), p1);
    var last = w[w.length - 1];
    if (w.length - 1 >= p1 && w.length >= 2 && !isVowel(last) && w[w.length - 2] === last) w = w.slice(0, -1);
    return w;
  }

  // ---- English: lower case, possessive 's dropped, Porter stems (as EnglishText) -------------
  var EN_WORD = /[\p{L}\p{Nd}'’]+/gu;

  function trimApostrophes(w) {
    return w.replace(/^['’]+|['’]+$/g, '');
  }

  function enWords(text) {
    return (text.normalize('NFC').match(EN_WORD) || []).map(trimApostrophes).filter(Boolean);
  }

  function enFold(word) {
    var s = trimApostrophes(word.normalize('NFC').toLowerCase().replace(/’/g, "'"));
    if (s.endsWith("'s")) s = trimApostrophes(s.slice(0, -2));
    return s;
  }

  // Porter's stemmer as Lucene's PorterStemmer applies it (the published algorithm, with its
  // reference version's extra rules: "bli" → "ble" and "logi" → "log").
  function porterStem(word) {
    if (word.length <= 2) return word;
    var b = word;
    var j = 0;
    function cons(i) {
      var c = b[i];
      if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
      if (c === 'y') return i === 0 ? true : !cons(i - 1);
      return true;
    }
    // Consonant sequences in b[0..end] (the "measure" m of the algorithm).
    function measure(end) {
      var n = 0, i = 0;
      while (i <= end && cons(i)) i++;
      while (i <= end) {
        while (i <= end && !cons(i)) i++;
        if (i > end) break;
        n++;
        while (i <= end && cons(i)) i++;
      }
      return n;
    }
    function vowelIn(end) {
      for (var i = 0; i <= end; i++) if (!cons(i)) return true;
      return false;
    }
    function doubleAt(i) {
      return i >= 1 && b[i] === b[i - 1] && cons(i);
    }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      return b[i] !== 'w' && b[i] !== 'x' && b[i] !== 'y';
    }
    // Whether b ends in s; if so, j is the index before the suffix.
    function ends(s) {
      if (s.length > b.length || !b.endsWith(s)) return false;
      j = b.length - s.length - 1;
      return true;
    }
    function setTo(s) { b = b.slice(0, j + 1) + s; }
    function replaceIfMeasured(s) { if (measure(j) > 0) setTo(s); }

    // Step 1: plurals, -ed, -ing.
    if (b[b.length - 1] === 's') {
      if (ends('sses')) b = b.slice(0, -2);
      else if (ends('ies')) setTo('i');
      else if (b[b.length - 2] !== 's') b = b.slice(0, -1);
    }
    if (ends('eed')) {
      if (measure(j) > 0) b = b.slice(0, -1);
    } else if ((ends('ed') || ends('ing')) && vowelIn(j)) {
      b = b.slice(0, j + 1);
      if (ends('at')) setTo('ate');
      else if (ends('bl')) setTo('ble');
      else if (ends('iz')) setTo('ize');
      else if (doubleAt(b.length - 1)) {
        var last = b[b.length - 1];
        if (last !== 'l' && last !== 's' && last !== 'z') b = b.slice(0, -1);
      } else if (measure(b.length - 1) === 1 && cvc(b.length - 1)) b += 'e';
    }
    // Step 2: y → i when the stem has a vowel.
    if (ends('y') && vowelIn(j)) b = b.slice(0, -1) + 'i';
    // Step 3: double suffixes to single ones.
    var STEP3 = [['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
      ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'],
      ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'],
      ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log']];
    // Only the rules for the word's next-to-last letter are tried, the first that ends the word wins.
    function firstRule(rules, key) {
      for (var i = 0; i < rules.length; i++) {
        var suffix = rules[i][0];
        if (suffix[suffix.length - 2] === key && ends(suffix)) return rules[i];
      }
      return null;
    }
    if (b.length > 1) {
      var rule = firstRule(STEP3, b[b.length - 2]);
      if (rule) replaceIfMeasured(rule[1]);
    }
    // Step 4: -ic-, -full, -ness.
    var STEP4 = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
    for (var r = 0; r < STEP4.length; r++) {
      var s4 = STEP4[r][0];
      if (s4[s4.length - 1] !== b[b.length - 1]) continue;
      if (ends(s4)) { replaceIfMeasured(STEP4[r][1]); break; }
    }
    // Step 5: -ant, -ence … in a long enough stem.
    var STEP5 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou',
      'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];
    if (b.length > 1) {
      var key = b[b.length - 2], found = false;
      for (var q = 0; q < STEP5.length && !found; q++) {
        var s5 = STEP5[q];
        if (s5[s5.length - 2] !== key || !ends(s5)) continue;
        if (s5 === 'ion' && !(j >= 0 && (b[j] === 's' || b[j] === 't'))) continue;
        found = true;
      }
      if (found && measure(j) > 1) b = b.slice(0, j + 1);
    }
    // Step 6: a final -e, and -ll, in a long enough stem.
    var end = b.length - 1;
    if (b[end] === 'e') {
      var m = measure(end);
      if (m > 1 || (m === 1 && !cvc(end - 1))) b = b.slice(0, -1);
    }
    end = b.length - 1;
    if (b[end] === 'l' && doubleAt(end) && measure(end) > 1) b = b.slice(0, -1);
    return b;
  }

  /** The pair term of two adjacent folded words (as DanishText.pair): the stem of both written as one. */
  function pair(a, b) { return stem(a + b); }

  /** The languages an index can be in (as SearchLanguage); compounds: parts of words highlight too. */
  var LANGUAGES = {
    da: { words: words, fold: fold, stem: stem, pair: pair, compounds: true },
    en: { words: enWords, fold: enFold, stem: porterStem, compounds: false }
  };

  var QUOTES = '"“”„«»';

  /**
   * The query's folded words, each with its quoted phrase (-1 outside quotes; an unclosed quote
   * counts as none) and whether a quote closes after it (as QueryWords.of).
   */
  function queryWords(query, lang) {
    var segments = [], current = '';
    for (var i = 0; i < query.length; i++) {
      if (QUOTES.indexOf(query[i]) >= 0) { segments.push(current); current = ''; } else current += query[i];
    }
    segments.push(current);
    var out = [], phrases = 0;
    for (var k = 0; k < segments.length; k++) {
      var quoted = k % 2 === 1 && k < segments.length - 1;
      var phrase = quoted ? phrases++ : -1;
      lang.words(segments[k]).forEach(function (w) {
        var f = lang.fold(w);
        if (f) out.push({ folded: f, phrase: phrase, closed: quoted || k < segments.length - 1 });
      });
    }
    return out;
  }

  /** Pair terms of adjacent words, stop words left out (as QueryWords.pairs). */
  function queryPairs(ws, lang, stop, hasPairs) {
    var out = [], previous = null;
    if (!hasPairs) return out;
    ws.forEach(function (w) {
      if (stop.has(w.folded)) return;
      if (previous) out.push({ term: lang.pair(previous.folded, w.folded), inPhrase: previous.phrase >= 0 && previous.phrase === w.phrase });
      previous = w;
    });
    return out;
  }

  /** A heading's or query's key: its words' stems, stop words and numbers left out (as SearchIndex.headingKey). */
  function headingKey(folded, lang, stop) {
    var stems = folded.filter(function (w) { return w && !stop.has(w) && !/^\p{Nd}+$/u.test(w); }).map(lang.stem);
    return stems.length ? stems.map(function (s) { return s + '!'; }).join('') : null;
  }

  function languageOf(meta) {
    var lang = LANGUAGES[meta.language || 'da'];
    if (!lang) throw new Error('search index in an unknown language: ' + meta.language);
    return lang;
  }

  /** Edits between two words, an adjacent swap counting as one (as Lucene's fuzzy matching). */
  function editDistance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
      }
    }
    return d[a.length][b.length];
  }

  /** Index of the last shard whose first key is ≤ key, or -1. */
  function shardOf(shards, key) {
    var lo = 0, hi = shards.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (shards[mid][0] <= key) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  function shardsBetween(shards, from, to) {
    var out = [];
    var first = Math.max(0, shardOf(shards, from)), last = shardOf(shards, to);
    for (var i = first; i <= last; i++) out.push(shards[i][1]);
    return out;
  }

  function parseDictionary(text) {
    return text.split('\n').filter(Boolean).map(function (line) {
      var f = line.split(' ');
      // The stem is a prefix of the form (given by its length) or written out after "=".
      var stem = f[1][0] === '=' ? f[1].slice(1) : f[0].slice(0, parseInt(f[1], 36));
      return { form: f[0], stem: stem, df: parseInt(f[2], 36) };
    });
  }

  function parsePostings(text) {
    var map = new Map();
    text.split('\n').forEach(function (line) {
      if (!line) return;
      var f = line.split(' ');
      var ids = [], scores = [], id = 0;
      for (var i = 2; i < f.length; i++) {
        var dot = f[i].indexOf('.');
        id += parseInt(f[i].slice(0, dot), 36);
        ids.push(id);
        scores.push(parseInt(f[i].slice(dot + 1), 36));
      }
      map.set(f[0], { df: parseInt(f[1], 36), ids: ids, scores: scores });
    });
    return map;
  }

  /** A search engine over the exported index; fetchText(url) returns a Promise of the file's text. */
  function createEngine(metaUrl, fetchText) {
    var cache = new Map();
    function get(url, parse) {
      if (!cache.has(url)) cache.set(url, fetchText(url).then(parse));
      return cache.get(url);
    }
    var metaPromise = get(metaUrl, JSON.parse);

    function postingsOf(meta, stem) {
      var i = shardOf(meta.postings, stem);
      if (i < 0) return Promise.resolve(null);
      return get(meta.postings[i][1], parsePostings).then(function (m) { return m.get(stem) || null; });
    }

    function df(meta, stem) {
      return postingsOf(meta, stem).then(function (p) { return p ? p.df : 0; });
    }

    function dictionary(meta, from, to) {
      return Promise.all(shardsBetween(meta.dictionary, from, to).map(function (url) {
        return get(url, parseDictionary);
      })).then(function (lists) { return [].concat.apply([], lists); });
    }

    function take(found, stems, max) {
      found.sort(function (a, b) {
        return b.weight - a.weight || b.df - a.df || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0);
      });
      found.slice(0, max).forEach(function (c) { stems.set(c.stem, c.weight); });
    }

    /** The stems of the words that begin with prefix, at weight; false if there are none. */
    async function completions(meta, prefix, stems, weight) {
      var entries = await dictionary(meta, prefix, prefix + '\uffff');
      var seen = new Map();
      entries.forEach(function (e) {
        if (e.form.startsWith(prefix) && !stems.has(e.stem) && !seen.has(e.stem)) {
          seen.set(e.stem, { stem: e.stem, weight: weight, df: e.df });
        }
      });
      take(Array.from(seen.values()), stems, meta.rules.maxExpansions);
      return seen.size > 0;
    }

    /** A long word found nowhere: the completions of its longest beginning that has any (as LuceneSearcher.addBeginnings). */
    async function beginnings(meta, word, stems) {
      var r = meta.rules;
      var shortest = Math.max(r.beginningMin, Math.ceil(word.length * r.beginningShare));
      for (var n = word.length - 1; n >= shortest; n--) {
        if (await completions(meta, word.slice(0, n), stems, r.beginningWeight)) return;
      }
    }

    async function neighbours(meta, word, stems) {
      var r = meta.rules;
      var maxEdits = word.length >= r.typo2From ? 2 : 1;
      var entries = await dictionary(meta, word[0], word[0] + '\uffff');
      var seen = new Map();
      entries.forEach(function (e) {
        if (e.form[0] !== word[0] || Math.abs(e.form.length - word.length) > maxEdits) return;
        var edits = editDistance(word, e.form);
        if (edits === 0 || edits > maxEdits) return;
        var weight = edits === 1 ? r.typo1Weight : r.typo2Weight;
        var old = seen.get(e.stem);
        if (!old || old.weight < weight) seen.set(e.stem, { stem: e.stem, weight: weight, df: e.df });
      });
      take(Array.from(seen.values()), stems, r.maxExpansions);
    }

    /** A query compound the index lacks as the stems of two words it has (as LuceneSearcher.splitByIndex). */
    async function splitByIndex(meta, folded, lang) {
      var r = meta.rules, n = folded.length;
      if (n < r.minCompound) return [];
      for (var i = n - r.minPart; i >= r.minPart; i--) {
        var first = folded.slice(0, i), last = first[i - 1];
        var firsts = (last === 's' || last === 'e') && i - 1 >= r.minPart ? [first, first.slice(0, i - 1)] : [first];
        for (var k = 0; k < firsts.length; k++) {
          var s1 = lang.stem(firsts[k]);
          if (await df(meta, s1) === 0) continue;
          var s2 = lang.stem(folded.slice(i));
          if (await df(meta, s2) > 0) return [s1, s2];
        }
      }
      return [];
    }

    /**
     * Per query word and adjacent pair, a Map of stem → weight, and which are required (quoted
     * phrases), as LuceneSearcher.fullPlan; a quoted word or pair found nowhere empties the plan.
     */
    async function fullPlan(query) {
      var meta = await metaPromise;
      var r = meta.rules;
      var lang = languageOf(meta);
      var stop = new Set(meta.stopwords);
      var ws = queryWords(query, lang);
      var prefixMode = query.length > 0 && !/\s$/.test(query);
      var terms = [], required = [], none = { terms: [], required: [] };
      for (var i = 0; i < ws.length; i++) {
        var w = ws[i].folded;
        var prefix = prefixMode && i === ws.length - 1 && !ws[i].closed && w.length >= r.minPrefix;
        var isStop = stop.has(w);
        if (isStop && !prefix) continue;
        var stems = new Map();
        if (!isStop) {
          var s = lang.stem(w);
          if (await df(meta, s) > 0) stems.set(s, 1);
          var syns = meta.synonyms[s] || [];
          for (var k = 0; k < syns.length; k++) {
            if (await df(meta, syns[k]) > 0) stems.set(syns[k], Math.max(stems.get(syns[k]) || 0, r.synonymWeight));
          }
        }
        if (prefix) await completions(meta, w, stems, r.prefixWeight);
        if (stems.size === 0 && !isStop && meta.pairs) {
          var parts = await splitByIndex(meta, w, lang);
          if (parts.length) {
            parts.forEach(function (part) {
              terms.push(new Map([[part, r.splitWeight]]));
              required.push(ws[i].phrase >= 0);
            });
            continue;
          }
        }
        if (stems.size === 0 && !isStop && w.length >= r.typo1From) await neighbours(meta, w, stems);
        if (stems.size === 0 && !isStop && w.length >= r.beginningFrom) await beginnings(meta, w, stems);
        if (stems.size > 0) {
          if ((meta.questionWords || []).indexOf(w) >= 0) stems.forEach(function (v, k) { stems.set(k, v * r.questionWeight); });
          terms.push(stems);
          required.push(ws[i].phrase >= 0);
        } else if (ws[i].phrase >= 0) return none;
      }
      var pairs = queryPairs(ws, lang, stop, meta.pairs);
      for (var p = 0; p < pairs.length; p++) {
        if (await df(meta, pairs[p].term) > 0) {
          terms.push(new Map([[pairs[p].term, r.pairWeight]]));
          required.push(pairs[p].inPhrase);
        } else if (pairs[p].inPhrase) return none;
      }
      var key = headingKey(ws.map(function (w) { return w.folded; }), lang, stop);
      if (key && await df(meta, key) > 0) {
        terms.push(new Map([[key, r.keyWeight]]));
        required.push(false);
      }
      return { terms: terms, required: required };
    }

    async function plan(query) {
      return (await fullPlan(query)).terms;
    }

    /** Whether section id is in a part of the handbook (meta.parts: part → [[first, last], …]). */
    function inPart(meta, part, id) {
      var ranges = (meta.parts || {})[part] || [];
      return ranges.some(function (r) { return id >= r[0] && id <= r[1]; });
    }

    /**
     * The best sections: [{id, score}], best first, ties by position in the handbook; with part
     * (as Section.partOf), only that part's (as LuceneSearcher.search with a part).
     */
    async function search(query, limit, part) {
      var meta = await metaPromise;
      var fp = await fullPlan(query);
      var p = fp.terms;
      var total = new Map(), matched = new Map(), mustCount = 0;
      for (var i = 0; i < p.length; i++) {
        var best = new Map();
        for (var [s, weight] of p[i]) {
          var postings = await postingsOf(meta, s);
          if (!postings) continue;
          for (var j = 0; j < postings.ids.length; j++) {
            var v = weight * postings.scores[j] / meta.rules.scoreScale;
            var id = postings.ids[j];
            if (!(best.get(id) >= v)) best.set(id, v);
          }
        }
        var must = fp.required[i];
        if (must) mustCount++;
        best.forEach(function (v, id) {
          total.set(id, (total.get(id) || 0) + v);
          if (must) matched.set(id, (matched.get(id) || 0) + 1);
        });
      }
      var hits = [];
      total.forEach(function (score, id) {
        if ((mustCount === 0 || matched.get(id) === mustCount) && (!part || inPart(meta, part, id))) hits.push({ id: id, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return { hits: hits.slice(0, limit), total: hits.length, plan: p, language: meta.language || 'da' };
    }

    /** Section records {id, pageUrl, pageTitle, anchor, heading, excerpt} for the given ids. */
    async function records(ids) {
      var meta = await metaPromise;
      var size = meta.rules.recordChunk;
      var chunks = await Promise.all(ids.map(function (id) {
        return get(meta.records + Math.floor(id / size) + '.json', JSON.parse);
      }));
      return ids.map(function (id, i) {
        var r = chunks[i][id % size];
        return { id: id, pageUrl: r[0], pageTitle: r[1], anchor: r[2], heading: r[3], excerpt: r[4] };
      });
    }

    return { plan: plan, fullPlan: fullPlan, search: search, records: records };
  }

  var api = {
    fold: fold, words: words, stem: stem, pair: pair, queryWords: queryWords, editDistance: editDistance, createEngine: createEngine, languages: LANGUAGES
  };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === 'undefined') return;

  // ---- The search page ------------------------------------------------------------------
  var RESULT_SECTIONS = 20;

  function el(name, attrs, text) {
    var e = document.createElement(name);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  /** The excerpt as text nodes, with words matching the query's stems in <mark> (Danish: parts of compounds too). */
  function highlighted(text, stems, lang) {
    var frag = document.createDocumentFragment();
    var last = 0;
    text.replace(lang === LANGUAGES.en ? EN_WORD : WORD, function (word, at) {
      var f = lang.fold(word);
      if (!f) return word;
      var s = lang.stem(f);
      var hit = stems.has(s) || (lang.compounds && Array.from(stems).some(function (t) { return t.length >= 4 && f.indexOf(t) >= 0; }));
      if (hit) {
        frag.appendChild(document.createTextNode(text.slice(last, at)));
        frag.appendChild(el('mark', null, word));
        last = at + word.length;
      }
      return word;
    });
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function init() {
    var form = document.querySelector('form[data-index]');
    if (!form) return;
    var input = form.querySelector('input[name="q"]');
    // The part filter (radio buttons named by the page, "del" in Danish); its value is in the address too.
    var partBoxes = Array.prototype.slice.call(form.querySelectorAll('input[type="radio"][data-part-filter]'));
    var partName = partBoxes.length ? partBoxes[0].name : null;
    function chosenPart() {
      var on = partBoxes.filter(function (b) { return b.checked; })[0];
      return on && on.value ? on : null;
    }
    var status = document.getElementById('soeg-status');
    var results = document.getElementById('soeg-resultater');
    // The texts come from the page (its language's message bundle): data-msg-NAME, {name} filled in.
    function message(name, values) {
      return (form.getAttribute('data-msg-' + name) || '').replace(/\{(\w+)\}/g, function (all, key) {
        return key in values ? values[key] : all;
      });
    }
    function counted(name, n) {
      return message(name + (n === 1 ? '-one' : '-other'), { n: n });
    }
    var engine = createEngine(form.getAttribute('data-index'), function (url) {
      return fetch(url, { credentials: 'omit' }).then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.text();
      });
    });
    var timer = null, latest = 0;

    function setUrl(q) {
      var url = new URL(window.location.href);
      if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
      if (partName) {
        var part = chosenPart();
        if (part) url.searchParams.set(partName, part.value); else url.searchParams.delete(partName);
      }
      window.history.replaceState(null, '', url);
    }

    async function run(q) {
      var ticket = ++latest;
      setUrl(q.trim());
      if (!q.trim()) {
        results.replaceChildren();
        status.textContent = '';
        return;
      }
      try {
        var part = chosenPart();
        var found = await engine.search(q, RESULT_SECTIONS, part ? part.value : null);
        var recs = await engine.records(found.hits.map(function (h) { return h.id; }));
        if (ticket !== latest) return;
        render(q, found, recs, part);
      } catch (e) {
        if (ticket === latest) status.textContent = message('error', {});
      }
    }

    function render(q, found, recs, part) {
      var stems = new Set();
      found.plan.forEach(function (m) { m.forEach(function (w, s) { stems.add(s); }); });
      var lang = LANGUAGES[found.language];
      var pages = new Map();
      recs.forEach(function (r) {
        if (!pages.has(r.pageUrl)) pages.set(r.pageUrl, { title: r.pageTitle, url: r.pageUrl, sections: [] });
        pages.get(r.pageUrl).sections.push(r);
      });
      var list = el('ol', { 'class': 'search-hits' });
      pages.forEach(function (page) {
        var item = el('li', { 'class': 'search-hit' });
        var h = el('h2', { 'class': 'search-hit-title' });
        h.appendChild(el('a', { href: page.url }, page.title));
        item.appendChild(h);
        var sections = el('ul', { 'class': 'search-hit-sections' });
        page.sections.forEach(function (r) {
          var li = el('li');
          li.appendChild(el('a', { href: r.anchor ? r.pageUrl + '#' + r.anchor : r.pageUrl }, r.heading || message('intro', {})));
          if (r.excerpt) {
            var p = el('p', { 'class': 'search-excerpt' });
            p.appendChild(highlighted(r.excerpt, stems, lang));
            li.appendChild(p);
          }
          sections.appendChild(li);
        });
        item.appendChild(sections);
        list.appendChild(item);
      });
      results.replaceChildren(list);
      var shown = recs.length;
      if (shown === 0) {
        status.textContent = message('none', { query: q.trim() });
      } else {
        var values = { query: q.trim(), shown: shown, pages: counted('page', pages.size) };
        values.sections = counted('section', found.total > shown ? found.total : shown);
        status.textContent = message(found.total > shown ? 'best' : 'count', values);
      }
      // Screen readers hear which part the results are from.
      if (part) status.textContent += ' ' + message('filtered', { part: part.getAttribute('data-label') });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 120);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run(input.value);
    });
    partBoxes.forEach(function (b) {
      b.addEventListener('change', function () { clearTimeout(timer); run(input.value); });
    });
    var params = new URLSearchParams(window.location.search);
    if (partName && params.get(partName)) {
      partBoxes.forEach(function (b) { b.checked = b.value === params.get(partName); });
    }
    var initial = params.get('q');
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }

  api.init = init;
  window.HandbookSearch = api;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
