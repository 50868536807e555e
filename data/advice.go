package data

// Symptoms are the signs of lower-back spasm the article lists, in our
// words.
var Symptoms = []string{
	"A tight, tense feeling in the lower back.",
	"Finding it hard to move after bending over or lifting something.",
	"Sudden, sharp pain in the lower back.",
	"Lower-back pain that keeps coming back or never quite goes.",
	// Weakness is also a warning sign once it gets worse (WarningSigns):
	// the list says so where the person reads it.
	"Weakness in the lower back or the muscles around it, such as the hips. Weakness in a hip or leg that gets worse is a warning sign: see the warning signs and get help as they say.",
	"Cramping in the back that comes and goes.",
	"Pain that gets worse with some activities, such as sitting or standing for a long time.",
	"In some cases, pain in the hip or leg as well.",
}

// Advice is the general guidance that goes with the exercises.
var Advice = []string{
	"In many cases back pain is not a sign of anything serious, and it may come from a minor strain of a muscle or ligament.",
	"Keep up your normal daily activities as far as you can. Gentle activity and exercise are unlikely to harm your back, even if they are uncomfortable at first, and staying active can help you recover.",
	"Start each exercise with a few rounds and add more only as it gets easier.",
	"Stop an exercise if the pain becomes sharply worse.",
	"For advice on your own back, whether the spasms are new or keep coming back, talk to a healthcare professional. They can work out what will help you most.",
}

// Disclaimer is shown wherever the exercises are.
const Disclaimer = "Unknot offers general exercises, not medical advice, and does not replace a healthcare professional."
