package data

// Urgency says what to do about a warning sign.
type Urgency string

// The urgencies of the warning signs.
const (
	// Emergency: call 999 (UK), 112 (Europe) or 911 (US and Canada), or go
	// to an emergency department, now.
	Emergency Urgency = "emergency"
	// DoctorSoon: an urgent appointment with a GP or doctor, or NHS 111,
	// the same day or the next.
	DoctorSoon Urgency = "doctor-soon"
)

// WarningSign is a sign that back pain may need more than exercises.
type WarningSign struct {
	// Sign is the sign, in plain words.
	Sign string
	// Urgency is what to do about it.
	Urgency Urgency
}

// WarningSigns are the signs, together with back pain, that need a doctor
// now or soon: the red flags of NHS and NICE guidance on low-back pain, in
// our words. The emergency ones come first; the gate before the first
// session shows those.
var WarningSigns = []WarningSign{
	{"Numbness or tingling around your genitals or buttocks.", Emergency},
	{"Trouble passing urine, or losing control of your bladder or bowels.", Emergency},
	{"Losing sexual function, such as no longer being able to get an erection or to feel your genitals.", Emergency},
	{"Pain, weakness or numbness in both legs.", Emergency},
	{"Weakness or numbness in a leg that is getting worse, a foot you cannot lift properly as you walk (foot drop), or difficulty walking.", Emergency},
	{"Chest pain.", Emergency},
	{"Back pain after a serious accident, such as a car crash or a bad fall.", Emergency},
	{"A high temperature, or you feel hot and shivery.", DoctorSoon},
	{"You are losing weight without trying.", DoctorSoon},
	{"A lump or swelling on your back, or a change in its shape.", DoctorSoon},
	{"Pain that is worse at night or keeps you awake.", DoctorSoon},
	{"Constant pain that does not ease when you rest or lie down.", DoctorSoon},
	{"You feel generally unwell as well as having back pain.", DoctorSoon},
	{"You have recently had an infection, or an operation on your spine (recent spinal surgery).", DoctorSoon},
	{"You have had cancer.", DoctorSoon},
	{"Your immune system is weakened (for example by chemotherapy or HIV), you have taken steroid tablets for a long time, or you inject drugs.", DoctorSoon},
	{"You have osteoporosis (thin, weak bones), or the pain began after a small fall or knock and you are older.", DoctorSoon},
	{"Pain in your upper back, between or around the shoulder blades.", DoctorSoon},
	{"The back pain is new and you are under 20 or over 50.", DoctorSoon},
}

// Signs returns the signs of WarningSigns of urgency u, in order.
func Signs(u Urgency) []string {
	var out []string
	for _, w := range WarningSigns {
		if w.Urgency == u {
			out = append(out, w.Sign)
		}
	}
	return out
}
