// The session player's sounds, speech and step view, called once per cue or
// step from Go (components/webapi/cues.go, components/player/step_view.go). Go decides what
// to play or show and when; these functions do the dozen Web Audio, Web
// Speech or DOM calls a cue or a step takes in one go, where each of them
// made from WebAssembly crossed into JavaScript on its own, in the very turn
// that updates the screen.
"use strict";
window.unknotCues = {
  // beep plays notes (Hz) one after another on audio, an AudioContext:
  // each lasts length seconds and peaks at volume (0 to 1). Each tone is
  // drawn into a buffer once, at its volume (prepare); a beep is then one
  // buffer source, where building it from oscillators took a dozen calls
  // every second of a countdown's end, and a volume control of its own
  // took a quarter of a new step's time.
  beep(audio, length, volume, ...notes) {
    const source = audio.createBufferSource();
    source.buffer = this.prepare(audio, length, volume, ...notes);
    source.connect(audio.destination);
    source.start(audio.currentTime + 0.01);
  },

  // prepare draws a tone at a volume unless it is drawn already, and
  // returns it. The player prepares every tone as a session starts, so
  // that no step change waits for one to be drawn.
  prepare(audio, length, volume, ...notes) {
    const key = length + ":" + volume + ":" + notes.join(",");
    let buffer = this.buffers.get(key);
    if (!buffer || buffer.sampleRate !== audio.sampleRate) {
      buffer = this.draw(audio, length, volume, notes);
      this.buffers.set(key, buffer);
    }
    return buffer;
  },

  // buffers holds the tones drawn so far.
  buffers: new Map(),

  // draw renders notes one after another as sine waves of length seconds,
  // each rising in 15 ms from silence to volume and dying away
  // exponentially to silence by its end, like a struck bell.
  draw(audio, length, volume, notes) {
    const rate = audio.sampleRate;
    const per = Math.round(length * rate);
    const attack = Math.round(0.015 * rate);
    const quiet = 0.0001; // -80 dB: the start and end of each note
    const buffer = audio.createBuffer(1, per * notes.length, rate);
    const samples = buffer.getChannelData(0);
    notes.forEach((frequency, n) => {
      for (let i = 0; i < per; i++) {
        const gain = i < attack ? quiet ** (1 - i / attack) : quiet ** ((i - attack) / (per - attack));
        samples[n * per + i] = volume * gain * Math.sin((2 * Math.PI * frequency * i) / rate);
      }
    });
    return buffer;
  },

  // voice is the voice to speak with: the chosen one (by voiceURI) when
  // the device has it, else an English voice on the device, else null.
  // Network voices are never picked unasked: they would send the
  // instructions to their vendor, and fall silent offline.
  voice(chosen) {
    const voices = speechSynthesis.getVoices();
    return (chosen && voices.find((v) => v.voiceURI === chosen)) ||
      voices.find((v) => v.localService && v.lang.toLowerCase().startsWith("en")) || null;
  },

  // hasVoice reports whether the device has a voice say would speak with.
  hasVoice(chosen) {
    return !!(window.speechSynthesis && window.SpeechSynthesisUtterance && this.voice(chosen));
  },

  // say queues text to be spoken at rate once what is being said has been
  // said, and reports whether there was a voice to speak with. Nothing is
  // cancelled here: only hush cuts speech off (skip, back, pause, end), so
  // the player can wait for the words to end (busy, onQuiet) instead.
  say(text, chosen, rate) {
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) return false;
    const voice = this.voice(chosen);
    if (!voice) return false;
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = rate;
    // cancel ends an utterance with an error ("interrupted"), not end;
    // either one means it is over.
    u.onend = u.onerror = () => this.over(u);
    // Held until over: Chrome can collect an utterance nothing refers
    // to, and then never fire its end.
    this.speaking.add(u);
    speechSynthesis.speak(u);
    return true;
  },

  // speaking holds the utterances queued and not yet over.
  speaking: new Set(),

  // over forgets a finished utterance, and tells the player (onQuiet, set
  // from Go) once nothing is left to say.
  over(u) {
    if (this.speaking.delete(u) && this.speaking.size === 0 && this.onQuiet) this.onQuiet();
  },

  // busy reports whether words the player gave are still being said.
  busy() {
    return this.speaking.size > 0;
  },

  // hush cuts off all speech at once. Some Android versions fire no event
  // on cancel, so the utterances are forgotten here rather than on their
  // error.
  hush() {
    this.speaking.clear();
    if (window.speechSynthesis) speechSynthesis.cancel();
  },

  // onQuiet is the player's function to call when all is said.
  onQuiet: null,

  // vibrate buzzes a pattern of on and off milliseconds.
  vibrate(...pattern) {
    if (navigator.vibrate) navigator.vibrate(pattern);
  },

  // showStep writes a step into the running player's step view, root
  // (components/player/step_view.go): its class (the kind of step), the figure's
  // class (the pose) and description, the progress bar's seconds done of
  // total and its name, the live region's announcement, then the texts of
  // the elements stepSlots names, in that order. An empty text hides its
  // element. Only what differs from the page is written.
  showStep(root, cls, figure, alt, done, total, label, live, ...texts) {
    const set = (el, prop, value) => {
      if (el && el[prop] !== value) el[prop] = value;
    };
    const attr = (el, name, value) => {
      if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
    };
    const $ = (id) => root.querySelector("#" + id);
    set(root, "className", cls);
    const fig = $("step-figure");
    set(fig, "className", figure);
    attr(fig, "aria-label", alt);
    const bar = $("step-progress");
    set(bar, "max", total);
    // A progress bar without a value attribute is indeterminate, though
    // its value reads 0: the attribute is what tells.
    attr(bar, "value", String(done));
    attr(bar, "aria-label", label);
    set($("step-live"), "textContent", live);
    this.stepSlots.forEach((id, i) => {
      const el = $(id);
      set(el, "textContent", texts[i]);
      set(el, "hidden", texts[i] === "");
    });
    this.watchNext($("next"));
  },

  // watchNext keeps the "Next" line whole or out of sight. It is the part
  // of the step that gives way first when the screen is short (it shrinks
  // before the step would scroll: components/player/player.css), and a
  // line cut through its letters reads as a fault. It is checked once the
  // turn that wrote a new step is over (a microtask: after everything Go
  // writes in that turn, such as the count, and before the frame), which
  // lays the page out then rather than at the frame, and whenever its box
  // changes size (the screen, the step's other words). Marking it leaves
  // its box as it was, so the check cannot undo itself. A line no longer
  // in the page (the player left) is let go.
  watchNext(el) {
    if (!el) return;
    const fit = (n) => {
      if (!n.isConnected) {
        if (this.nextWatch) this.nextWatch.unobserve(n);
        if (this.nextShown === n) this.nextShown = null;
        return;
      }
      const cut = n.scrollHeight > n.clientHeight + 1 || n.scrollWidth > n.clientWidth + 1;
      if (n.hasAttribute("data-cut") !== cut) n.toggleAttribute("data-cut", cut);
    };
    if (this.nextShown !== el && window.ResizeObserver) {
      this.nextWatch = this.nextWatch || new ResizeObserver((entries) => entries.forEach((e) => fit(e.target)));
      if (this.nextShown) this.nextWatch.unobserve(this.nextShown);
      this.nextWatch.observe(el);
      this.nextShown = el;
    }
    const first = this.nextCheck === null;
    this.nextCheck = el;
    if (first) queueMicrotask(() => {
      const n = this.nextCheck;
      this.nextCheck = null;
      if (n) fit(n);
    });
  },

  // nextShown is the "Next" line being watched, nextWatch its observer,
  // nextCheck the one to check at the end of this turn.
  nextShown: null,
  nextWatch: null,
  nextCheck: null,

  // stepSlots are the ids of the step view's text elements, as in
  // components/player/step_view.go.
  stepSlots: ["step-title", "step-of", "phase", "instruction", "where", "next"],
};
