// The session player's sounds and speech, called once per cue from Go
// (components/cues.go). Go decides what to play and when; these functions do
// the dozen Web Audio and Web Speech calls a cue takes in one go, where each
// of them made from WebAssembly crossed into JavaScript on its own, in the
// very turn that updates the screen.
"use strict";
window.unknotCues = {
  // beep plays notes (Hz) one after another on audio, an AudioContext:
  // each lasts length seconds and peaks at volume (0 to 1).
  beep(audio, length, volume, ...notes) {
    const start = audio.currentTime + 0.01;
    notes.forEach((frequency, i) => {
      const at = start + i * length;
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(Math.max(volume, 0.0002), at + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(at);
      osc.stop(at + length + 0.02);
    });
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

  // say speaks text at rate, cutting off anything still being said, and
  // reports whether there was a voice to speak with.
  say(text, chosen, rate) {
    const voice = this.voice(chosen);
    if (!voice) return false;
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = rate;
    speechSynthesis.speak(u);
    return true;
  },

  // vibrate buzzes a pattern of on and off milliseconds.
  vibrate(...pattern) {
    if (navigator.vibrate) navigator.vibrate(pattern);
  },
};
