"""Demo content for Stet: a small, synthetic consumer medical encyclopedia.

Everything in this module was written for Stet's demo and seed data. The articles are
illustrative only; they are not reviewed clinical content and are not medical advice.
References to organisations point at their public home or topic pages. The papers with
DOIs under the 10.5555/stet.demo.* prefix (a prefix reserved for examples) are fictitious
and exist only so the demo can show one source cited by many articles.
"""

SPECIALTIES = [
    "Cardiology",
    "Dermatology",
    "Endocrinology",
    "Family Medicine",
    "Gastroenterology",
    "Infectious Disease",
    "Nephrology",
    "Neurology",
    "Pediatrics",
    "Pulmonology",
]

TOPICS = [
    "Allergies",
    "Antibiotics",
    "Anticoagulants",
    "Blood Pressure",
    "Diabetes",
    "Mental Health",
    "Nutrition",
    "Pregnancy",
    "Smoking",
    "Vaccines",
]

ARTICLES = [
    {
        "title": "Atrial fibrillation",
        "specialty": "Cardiology",
        "topics": [],
        "summary": (
            "Atrial fibrillation, often shortened to AFib, is an irregular and frequently fast "
            "heart rhythm that starts in the heart's two upper chambers. It is the most common "
            "lasting rhythm problem in adults and becomes more common with age. AFib is rarely an "
            "emergency on its own, but it raises the chance of stroke, so care focuses both on the "
            "rhythm and on preventing clots."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Normally, a small cluster of cells in the right atrium sets the pace for each "
                    "heartbeat. In AFib, many disorganized electrical signals fire at once, so the "
                    "upper chambers quiver instead of squeezing. The lower chambers (ventricles) "
                    "receive an uneven stream of signals and beat irregularly.\n\n"
                    "Things that make AFib more likely include:\n\n"
                    "- High blood pressure that has been present for years\n"
                    "- Heart valve disease, heart failure, or a past heart attack\n"
                    "- An overactive thyroid gland\n"
                    "- Heavy alcohol use, including binge drinking\n"
                    "- Obstructive sleep apnea and obesity\n"
                    "- Older age\n\n"
                    "Sometimes no cause is found."
                ),
            ),
            (
                "Symptoms",
                (
                    "Some people notice nothing, and the rhythm is found during a routine checkup. "
                    "Others feel:\n\n"
                    "- A fluttering, pounding, or racing heartbeat\n"
                    "- Tiredness or less ability to exercise\n"
                    "- Shortness of breath\n"
                    "- Lightheadedness\n"
                    "- Chest discomfort\n\n"
                    "Episodes may come and go on their own (paroxysmal AFib) or continue until "
                    "they are treated."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Your provider may hear an irregular rhythm through a stethoscope or feel it "
                    "in your pulse. An **electrocardiogram (ECG)** confirms the diagnosis. Because "
                    "episodes can come and go, you may wear a portable monitor for a day to "
                    "several weeks.\n\n"
                    "Blood tests check thyroid function and blood salts. An echocardiogram "
                    "(ultrasound of the heart) shows the size of the heart chambers and how well "
                    "the valves are working."
                ),
            ),
            (
                "Treatment",
                (
                    "Treatment has three goals: prevent stroke, control the heart rate, and, when "
                    "it helps, restore a normal rhythm.\n\n"
                    "**Stroke prevention.** Blood that pools in the quivering atria can form "
                    "clots. Most people with AFib who have one or more stroke risk factors are "
                    "advised to take an anticoagulant (blood thinner). Anticoagulation lowers the "
                    "risk of stroke a great deal, but it also raises the chance of bleeding, so "
                    "your provider will weigh the two using a scoring tool and your own "
                    "preferences. Common choices are apixaban, rivaroxaban, dabigatran, edoxaban, "
                    "and warfarin. Warfarin needs regular blood tests (INR). The newer medicines "
                    "do not, but their doses may need adjusting for age, body weight, and kidney "
                    "function. For people who cannot take a blood thinner long term, a procedure "
                    "to close off a small pouch of the left atrium (the left atrial appendage) may "
                    "be an option.\n\n"
                    "**Rate and rhythm control.** Beta blockers, certain calcium channel blockers, "
                    "or digoxin slow the heart rate. The rhythm can be reset with medicines or "
                    "with a timed electric shock (cardioversion). Catheter ablation, which scars "
                    "the small areas of tissue that trigger AFib, works well for many people.\n\n"
                    "**Lifestyle.** Treating high blood pressure and sleep apnea, losing excess "
                    "weight, and cutting back on alcohol all make AFib less likely to return."
                ),
            ),
            (
                "Possible Complications",
                (
                    "- Stroke, or a clot that travels to another part of the body\n"
                    "- Heart failure, especially if the heart rate stays fast for a long time\n"
                    "- Bleeding related to blood-thinning medicines"
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Contact your provider if you notice a new irregular or racing heartbeat. Call "
                    "911 or the local emergency number right away if you have chest pain, faint, "
                    "or notice signs of stroke such as a drooping face, arm weakness, or trouble "
                    "speaking."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Heart Association. Atrial fibrillation. Patient and public "
                    "information. Available at: www.heart.org."
                ),
                "url": "https://www.heart.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American College of Cardiology. CardioSmart. Atrial fibrillation. Patient and "
                    "public information. Available at: www.cardiosmart.org."
                ),
                "url": "https://www.cardiosmart.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Marlow JT, Osei A, Lindqvist P. Extended-interval anticoagulant dosing in "
                    "older adults: a multicentre cohort. J Demo Clin Med. 2021;14(3):211-219."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2021.0142",
                "doi": "10.5555/stet.demo.2021.0142",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Heart failure",
        "specialty": "Cardiology",
        "topics": ["Blood Pressure"],
        "summary": (
            "Heart failure means the heart cannot pump or fill well enough to meet the body's "
            "needs. The heart has not stopped; it is simply working less efficiently than it "
            "should. With today's treatments, many people with heart failure stay active for years."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Anything that damages or overworks the heart muscle over time can lead to "
                    "heart failure. The most common causes are coronary artery disease, including "
                    "past heart attacks, and long-standing high blood pressure. Others include "
                    "diseased heart valves, diabetes, some viral infections, heavy alcohol use, "
                    "certain cancer treatments, and inherited conditions of the heart muscle.\n\n"
                    "Providers often describe heart failure by the **ejection fraction**, the "
                    "share of blood pushed out of the main pumping chamber with each beat. In some "
                    "people the heart squeezes weakly (reduced ejection fraction). In others it "
                    "squeezes normally but is too stiff to fill properly (preserved ejection "
                    "fraction)."
                ),
            ),
            (
                "Symptoms",
                (
                    "- Shortness of breath with activity or when lying flat\n"
                    "- Waking at night needing to sit up to breathe\n"
                    "- Swelling in the feet, ankles, legs, or belly\n"
                    "- Quick weight gain from fluid, such as 2 to 3 pounds (about 1 kg) in a day "
                    "or 5 pounds (about 2 kg) in a week\n"
                    "- Fatigue and a smaller appetite\n"
                    "- A cough that does not go away"
                ),
            ),
            (
                "Treatment",
                (
                    "Most people take several medicines that work together. These may include an "
                    "ACE inhibitor, an ARB, or sacubitril-valsartan; a beta blocker; a "
                    "mineralocorticoid receptor antagonist such as spironolactone; and an SGLT2 "
                    "inhibitor. Diuretics (water pills) relieve swelling and breathlessness.\n\n"
                    "Some people benefit from a device, such as an implantable defibrillator that "
                    "stops dangerous rhythms, or a special pacemaker that helps both sides of the "
                    "heart beat together.\n\n"
                    "Daily habits matter as well: weigh yourself each morning, limit salt as "
                    "advised, stay active within your limits, take medicines on schedule, and "
                    "avoid tobacco."
                ),
            ),
            (
                "Outlook (Prognosis)",
                (
                    "Heart failure is usually a long-term condition. Symptoms can get worse for a "
                    "time and then settle again with treatment. Following the treatment plan and "
                    "keeping regular appointments lowers the chance of hospital stays. A cardiac "
                    "rehabilitation program can help you build strength and confidence."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Contact your provider if your weight jumps, swelling increases, or you become "
                    "more short of breath than usual. Call 911 or the local emergency number for "
                    "severe breathlessness, chest pain, fainting, or coughing up pink, frothy "
                    "mucus."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Heart Association. Heart failure. Patient and public information. "
                    "Available at: www.heart.org."
                ),
                "url": "https://www.heart.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Heart, Lung, and Blood Institute. Heart failure. Patient and public "
                    "information. Available at: www.nhlbi.nih.gov."
                ),
                "url": "https://www.nhlbi.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Adeyemi RK, Brandt S, Nakamura H. Home blood pressure self-monitoring and "
                    "medication adherence in primary care: a pragmatic trial. J Demo Clin Med. "
                    "2019;12(6):488-497."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2019.0087",
                "doi": "10.5555/stet.demo.2019.0087",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "High blood pressure",
        "specialty": "Cardiology",
        "topics": ["Blood Pressure"],
        "summary": (
            "High blood pressure (hypertension) means the force of blood pushing against the "
            "artery walls stays higher than it should. It usually causes no symptoms, which is why "
            "regular checks matter. Over the years it strains the heart, brain, kidneys, and eyes, "
            "but it can be brought under control."
        ),
        "sections": [
            (
                "Causes",
                (
                    "For most adults no single cause is found. This is called primary "
                    "hypertension. It develops gradually and is linked to age, family history, "
                    "extra body weight, a diet high in salt, low physical activity, and heavy "
                    "alcohol use.\n\n"
                    "Less often, blood pressure rises because of another problem, such as kidney "
                    "disease, sleep apnea, a hormone disorder, or medicines like decongestants and "
                    "anti-inflammatory pain relievers (NSAIDs). This is called secondary "
                    "hypertension."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Blood pressure is written as two numbers, such as 128/78 mm Hg. The top "
                    "number (systolic) is the pressure while the heart beats. The bottom number "
                    "(diastolic) is the pressure between beats.\n\n"
                    "One high reading does not confirm the diagnosis. Your provider will check it "
                    "on several occasions and may ask you to use a home monitor or wear a monitor "
                    "for 24 hours. Blood and urine tests and an ECG look for effects on the "
                    "kidneys and heart. In the United States, readings of 130/80 or higher are "
                    "generally considered high."
                ),
            ),
            (
                "Treatment",
                (
                    "Lifestyle steps lower blood pressure for almost everyone:\n\n"
                    "- Eat more vegetables, fruit, whole grains, and low-fat dairy, and less salt\n"
                    "- Aim for at least 150 minutes of moderate activity each week\n"
                    "- Lose extra weight; even a modest loss helps\n"
                    "- Limit alcohol\n\n"
                    "Many people also need medicine. Common groups are thiazide diuretics, ACE "
                    "inhibitors, ARBs, and calcium channel blockers, and two or more are often "
                    "combined. Checking your blood pressure at home and bringing the readings to "
                    "visits helps your provider fine-tune treatment."
                ),
            ),
            (
                "Prevention",
                (
                    "Healthy eating, regular exercise, and not smoking lower the chance of "
                    "developing high blood pressure. Adults should have their blood pressure "
                    "checked at least every year or two, or more often if readings have been "
                    "borderline. The [American Heart Association](https://www.heart.org) has tips "
                    "for measuring blood pressure correctly at home."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Heart Association. High blood pressure. Patient and public "
                    "information. Available at: www.heart.org."
                ),
                "url": "https://www.heart.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Centers for Disease Control and Prevention. High blood pressure. Patient and "
                    "public information. Available at: www.cdc.gov."
                ),
                "url": "https://www.cdc.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Heart, Lung, and Blood Institute. High blood pressure. Patient and "
                    "public information. Available at: www.nhlbi.nih.gov."
                ),
                "url": "https://www.nhlbi.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Adeyemi RK, Brandt S, Nakamura H. Home blood pressure self-monitoring and "
                    "medication adherence in primary care: a pragmatic trial. J Demo Clin Med. "
                    "2019;12(6):488-497."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2019.0087",
                "doi": "10.5555/stet.demo.2019.0087",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Mechanical heart valve",
        "specialty": "Cardiology",
        "topics": ["Anticoagulants"],
        "summary": (
            "A mechanical heart valve is a durable artificial valve made from strong materials "
            "such as pyrolytic carbon. It can last a lifetime, but blood tends to form clots on "
            "its surfaces. Everyone with a mechanical valve needs lifelong blood-thinning "
            "treatment and regular follow-up."
        ),
        "sections": [
            (
                "Why a Valve Is Replaced",
                (
                    "Heart valves keep blood moving in one direction. A valve may need replacing "
                    "when it becomes too narrow (stenosis) or leaks badly (regurgitation). Causes "
                    "include age-related calcium buildup, a valve problem present from birth, past "
                    "rheumatic fever, and infection of the valve.\n\n"
                    "Mechanical valves are often chosen for younger adults, because valves made "
                    "from animal tissue tend to wear out over 10 to 20 years. The trade-off is the "
                    "need for ongoing anticoagulation."
                ),
            ),
            (
                "Treatment",
                (
                    "**Warfarin** is the blood thinner used for mechanical valves. The newer "
                    "direct oral anticoagulants, such as apixaban or dabigatran, are not used, "
                    "because studies found more clots and more bleeding with these valves.\n\n"
                    "Warfarin's effect is tracked with a blood test called the INR. Your target "
                    "range depends on the type and position of the valve and on your other risks. "
                    "To keep the INR steady:\n\n"
                    "- Take your dose at the same time each day\n"
                    "- Keep the amount of vitamin K in your diet, found mostly in leafy greens, "
                    "fairly consistent rather than avoiding it\n"
                    "- Tell every provider and pharmacist that you take warfarin, since many "
                    "medicines and supplements interact with it\n"
                    "- Have INR checks as often as your care team advises; some people can test at "
                    "home"
                ),
            ),
            (
                "Possible Complications",
                (
                    "- Clots on the valve, which can block it or travel to the brain and cause a "
                    "stroke\n"
                    "- Bleeding, from easy bruising to serious internal bleeding\n"
                    "- Infection of the valve (endocarditis)\n\n"
                    "Because of the infection risk, people with artificial valves are usually "
                    "advised to take antibiotics before certain dental procedures. Ask your "
                    "cardiologist what applies to you."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Seek emergency care for signs of stroke, sudden shortness of breath, or chest "
                    "pain. Contact your care team promptly for black or bloody stools, blood in "
                    "the urine, a severe headache, a fall with a blow to the head, a fever that "
                    "does not go away, or a change in the clicking sound the valve usually makes."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Heart Association. Heart valve disease. Patient and public "
                    "information. Available at: www.heart.org."
                ),
                "url": "https://www.heart.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American College of Cardiology. CardioSmart. Heart valve replacement. Patient "
                    "and public information. Available at: www.cardiosmart.org."
                ),
                "url": "https://www.cardiosmart.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Marlow JT, Osei A, Lindqvist P. Extended-interval anticoagulant dosing in "
                    "older adults: a multicentre cohort. J Demo Clin Med. 2021;14(3):211-219."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2021.0142",
                "doi": "10.5555/stet.demo.2021.0142",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Eczema",
        "specialty": "Dermatology",
        "topics": ["Allergies"],
        "summary": (
            "Eczema, also called atopic dermatitis, is a long-lasting skin condition that causes "
            "dry, itchy, inflamed patches. It often begins in early childhood and tends to flare "
            "up and calm down over time. It is not contagious."
        ),
        "sections": [
            (
                "Causes",
                (
                    "In eczema, the outer layer of the skin does not hold in moisture or keep out "
                    "irritants as well as it should, and the immune system in the skin reacts more "
                    "strongly than usual. Genes play a part, and eczema often runs in families "
                    "along with asthma and hay fever.\n\n"
                    "Common triggers for flares include harsh soaps, wool or scratchy fabrics, "
                    "sweating, dry winter air, and stress. In some people, dust mites or pet "
                    "dander also play a role."
                ),
            ),
            (
                "Symptoms",
                (
                    "- Itching, often worse at night\n"
                    "- Dry, rough, or scaly skin\n"
                    "- Patches that look red on lighter skin and brown, purple, or gray on darker "
                    "skin\n"
                    "- Oozing or crusting during a bad flare\n"
                    "- Thickened skin in places that are scratched often\n\n"
                    "In babies, the rash often appears on the cheeks and scalp. In older children "
                    "and adults, it tends to show up in the bends of the elbows and knees, on the "
                    "hands, and on the neck."
                ),
            ),
            (
                "Treatment",
                (
                    "The foundation of care is **daily moisturizing**. Thick creams or ointments "
                    "work best when applied within a few minutes of bathing. Keep baths and "
                    "showers short and lukewarm, and use a gentle, fragrance-free cleanser.\n\n"
                    "For flares, your provider may prescribe:\n\n"
                    "- Corticosteroid creams or ointments, used as directed\n"
                    "- Non-steroid creams such as tacrolimus, pimecrolimus, or crisaborole\n"
                    "- Antibiotics if the skin becomes infected\n\n"
                    "For moderate to severe eczema that does not respond, options include light "
                    "therapy, injected biologic medicines, and JAK inhibitor pills. The [National "
                    "Eczema Association](https://nationaleczema.org) has practical guides to skin "
                    "care routines."
                ),
            ),
            (
                "Prevention",
                (
                    "You cannot always prevent eczema, but you can reduce flares. Learn your "
                    "triggers, keep fingernails short to limit damage from scratching, and choose "
                    "soft, breathable clothing such as cotton. A humidifier can help if the air "
                    "indoors is dry."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Dermatology. Eczema. Patient and public information. "
                    "Available at: www.aad.org."
                ),
                "url": "https://www.aad.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Eczema Association. Atopic dermatitis. Patient and public "
                    "information. Available at: nationaleczema.org."
                ),
                "url": "https://nationaleczema.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Bolognia JL, Schaffer JV, Cerroni L, eds. Dermatology. 4th ed. Philadelphia, "
                    "PA: Elsevier; 2018."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Psoriasis",
        "specialty": "Dermatology",
        "topics": [],
        "summary": (
            "Psoriasis is a long-term immune condition in which skin cells build up too quickly "
            "and form raised, scaly patches. It can affect the skin, nails, and joints. It is not "
            "contagious, and many effective treatments are available."
        ),
        "sections": [
            (
                "Symptoms",
                (
                    "The most common form, plaque psoriasis, causes well-defined, thickened "
                    "patches covered with silvery-white scale. The patches can itch, sting, or "
                    "crack, and often appear on the elbows, knees, scalp, and lower back, though "
                    "they can show up anywhere.\n\n"
                    "Other signs include pitted or crumbling nails and, in guttate psoriasis, many "
                    "small drop-shaped spots that may follow a strep throat infection. Flares can "
                    "be set off by stress, skin injury, infections, cold dry weather, smoking, and "
                    "some medicines."
                ),
            ),
            (
                "Treatment",
                (
                    "Treatment depends on how much skin is involved and how psoriasis affects "
                    "daily life.\n\n"
                    "- **Mild psoriasis:** creams or ointments containing a corticosteroid, a "
                    "vitamin D-like compound, or coal tar, plus regular moisturizing\n"
                    "- **Moderate to severe psoriasis:** light therapy with narrowband UVB, pills "
                    "such as methotrexate or apremilast, or injected biologic medicines that block "
                    "specific immune signals\n\n"
                    "Psoriasis tends to come and go, so the treatment plan is often adjusted over "
                    "time."
                ),
            ),
            (
                "Possible Complications",
                (
                    "Up to about 1 in 3 people with psoriasis develop **psoriatic arthritis**, "
                    "which causes joint pain, stiffness, and swelling. Tell your provider about "
                    "joint symptoms early, because prompt treatment helps prevent lasting joint "
                    "damage. Psoriasis is also linked to a higher risk of heart disease, diabetes, "
                    "and depression, so general health checks are important."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Dermatology. Psoriasis. Patient and public information. "
                    "Available at: www.aad.org."
                ),
                "url": "https://www.aad.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Psoriasis Foundation. About psoriasis. Patient and public "
                    "information. Available at: www.psoriasis.org."
                ),
                "url": "https://www.psoriasis.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Bolognia JL, Schaffer JV, Cerroni L, eds. Dermatology. 4th ed. Philadelphia, "
                    "PA: Elsevier; 2018."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Rosacea",
        "specialty": "Dermatology",
        "topics": [],
        "summary": (
            "Rosacea is a common skin condition that causes redness across the middle of the face, "
            "often with small bumps and visible blood vessels. It usually appears in adults "
            "between 30 and 60. It can be kept under control, although it rarely goes away "
            "completely."
        ),
        "sections": [
            (
                "Symptoms",
                (
                    "- Flushing or blushing that comes on easily and lasts longer than normal\n"
                    "- Lasting redness of the cheeks, nose, chin, or forehead\n"
                    "- Tiny visible blood vessels\n"
                    "- Small red bumps or pus-filled spots that can look like acne\n"
                    "- Burning or stinging skin\n"
                    "- Gritty, irritated, or red eyes (ocular rosacea)\n\n"
                    "In a small number of people, mostly men, the skin of the nose slowly thickens."
                ),
            ),
            (
                "Treatment",
                (
                    "Prescription gels and creams such as metronidazole, azelaic acid, or "
                    "ivermectin reduce bumps and redness. Creams containing brimonidine or "
                    "oxymetazoline can shrink visible redness for several hours. For more "
                    "widespread bumps, a low dose of the antibiotic doxycycline taken by mouth is "
                    "often used. Laser or intense pulsed light treatment can fade visible blood "
                    "vessels."
                ),
            ),
            (
                "Prevention",
                (
                    "Flares often follow certain triggers. Common ones are sun exposure, heat, hot "
                    "drinks, spicy food, alcohol, and emotional stress. Keeping a simple diary can "
                    "help you find your own. Wear a broad-spectrum sunscreen every day and choose "
                    "gentle, fragrance-free skin products."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Dermatology. Rosacea. Patient and public information. "
                    "Available at: www.aad.org."
                ),
                "url": "https://www.aad.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Rosacea Society. Rosacea. Patient and public information. Available "
                    "at: www.rosacea.org."
                ),
                "url": "https://www.rosacea.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Cellulitis",
        "specialty": "Dermatology",
        "topics": ["Antibiotics"],
        "summary": (
            "Cellulitis is a bacterial infection of the deeper layers of the skin. The affected "
            "area becomes discolored, warm, swollen, and painful. Most cases clear with "
            "antibiotics, but cellulitis can become serious if it is not treated."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Bacteria, most often streptococcus or staphylococcus, enter through a break "
                    "in the skin. The break may be a cut, scrape, insect bite, surgical wound, or "
                    "cracked skin between the toes from athlete's foot. Swollen legs, diabetes, "
                    "obesity, and a past episode of cellulitis all raise the risk."
                ),
            ),
            (
                "Symptoms",
                (
                    "Cellulitis usually affects one area, most often a lower leg. The skin turns "
                    "red, pink, or darker than the surrounding skin, feels warm and tender, and "
                    "may look tight or shiny. The affected area can spread over hours to days. "
                    "Fever and chills may also occur."
                ),
            ),
            (
                "Treatment",
                (
                    "Most people take antibiotic pills for about 5 days, or longer if the "
                    "infection is slow to improve. Raising the affected limb above the level of "
                    "the heart helps the swelling go down. Your provider may mark the edge of the "
                    "affected area with a pen so you can see whether it is shrinking.\n\n"
                    "People with a high fever, rapidly spreading infection, or other serious "
                    "health problems may need antibiotics through a vein in the hospital."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Contact your provider if the affected area keeps spreading after 1 to 2 days "
                    "of antibiotics or you develop a fever. Seek urgent care for severe pain, "
                    "numbness, blisters, skin that turns dark or purple, or if you feel confused "
                    "or very unwell."
                ),
            ),
            (
                "Prevention",
                (
                    "- Clean cuts and scrapes with soap and water and keep them covered\n"
                    "- Treat athlete's foot and moisturize dry skin to prevent cracks\n"
                    "- If you have diabetes, check your feet every day\n"
                    "- Wear shoes outdoors and in shared showers"
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Infectious Diseases Society of America. Skin and soft tissue infections. "
                    "Patient and public information. Available at: www.idsociety.org."
                ),
                "url": "https://www.idsociety.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Dermatology. Cellulitis. Patient and public information. "
                    "Available at: www.aad.org."
                ),
                "url": "https://www.aad.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Bennett JE, Dolin R, Blaser MJ, eds. Mandell, Douglas, and Bennett's "
                    "Principles and Practice of Infectious Diseases. 9th ed. Philadelphia, PA: "
                    "Elsevier; 2020."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Varga E, Holloway DM, Quispe L. Shorter antibiotic courses for common skin, "
                    "chest, and urinary infections: a pooled analysis. J Demo Clin Med. "
                    "2022;15(1):34-45."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2022.0019",
                "doi": "10.5555/stet.demo.2022.0019",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Type 2 diabetes",
        "specialty": "Endocrinology",
        "topics": ["Diabetes"],
        "summary": (
            "Type 2 diabetes is a long-term condition in which blood sugar (glucose) stays too "
            "high, because the body does not respond well to insulin and, over time, does not make "
            "enough of it. It is by far the most common form of diabetes. Healthy habits and "
            "medicines can keep blood sugar in range and prevent many complications."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Insulin is a hormone that moves glucose out of the blood and into cells, "
                    "where it is used for energy. In type 2 diabetes, muscle, fat, and liver cells "
                    "respond poorly to insulin (insulin resistance). The pancreas tries to keep up "
                    "by making more insulin, but gradually it cannot.\n\n"
                    "Risk factors include extra body weight, especially around the waist, low "
                    "physical activity, a family history of diabetes, older age, and a past "
                    "pregnancy with gestational diabetes. Rates are higher among people of "
                    "African, Hispanic or Latino, Native American, Asian, and Pacific Islander "
                    "descent."
                ),
            ),
            (
                "Symptoms",
                (
                    "Many people have no symptoms for years. When symptoms do occur, they can "
                    "include:\n\n"
                    "- Feeling very thirsty and urinating often\n"
                    "- Tiredness\n"
                    "- Blurred vision\n"
                    "- Cuts or sores that heal slowly\n"
                    "- Frequent infections, such as yeast or bladder infections\n"
                    "- Tingling or numbness in the feet"
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Diabetes is diagnosed with blood tests:\n\n"
                    "- **Hemoglobin A1C** of 6.5% or higher\n"
                    "- **Fasting plasma glucose** of 126 mg/dL (7.0 mmol/L) or higher\n"
                    "- **Two-hour glucose** of 200 mg/dL (11.1 mmol/L) or higher during an oral "
                    "glucose tolerance test\n\n"
                    "An abnormal result usually needs to be confirmed with a second test. A random "
                    "glucose of 200 mg/dL or higher together with classic symptoms is also enough "
                    "for the diagnosis."
                ),
            ),
            (
                "Treatment",
                (
                    "Treatment is tailored to each person. Balanced meals, regular activity, and "
                    "losing extra weight can lower blood sugar a great deal, and a diabetes "
                    "education program teaches meal planning and glucose checks.\n\n"
                    "Metformin is a common first medicine. Others include SGLT2 inhibitors and "
                    "GLP-1 receptor agonists, which also protect the heart and kidneys in people "
                    "at risk, as well as DPP-4 inhibitors, sulfonylureas, and insulin. Keeping "
                    "blood pressure and cholesterol in check is just as important as controlling "
                    "glucose."
                ),
            ),
            (
                "Possible Complications",
                (
                    "Over the years, high glucose can damage blood vessels and nerves. This can "
                    "lead to heart attack, stroke, kidney disease, vision loss, nerve damage, and "
                    "foot ulcers. Yearly eye exams, regular urine and blood tests for kidney "
                    "function, and foot checks help find problems early."
                ),
            ),
            (
                "Prevention",
                (
                    "People with prediabetes can often delay or prevent type 2 diabetes by losing "
                    "about 5% to 7% of their body weight and getting 150 minutes of activity a "
                    "week. The [CDC](https://www.cdc.gov/diabetes/) has information about "
                    "structured lifestyle programs that help people make these changes."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Diabetes Association. Type 2 diabetes. Patient and public "
                    "information. Available at: diabetes.org."
                ),
                "url": "https://diabetes.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Type 2 "
                    "diabetes. Patient and public information. Available at: www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Diabetes. Patient and public "
                    "information. Available at: www.cdc.gov/diabetes."
                ),
                "url": "https://www.cdc.gov/diabetes/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Okafor CN, Reyes MA, Thorsen B. Postpartum glucose testing after gestational "
                    "diabetes: uptake and outcomes at five years. J Demo Clin Med. "
                    "2020;13(9):702-710."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2020.0215",
                "doi": "10.5555/stet.demo.2020.0215",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Type 1 diabetes",
        "specialty": "Endocrinology",
        "topics": ["Diabetes"],
        "summary": (
            "Type 1 diabetes is an autoimmune condition in which the body stops making insulin. It "
            "often starts in childhood or young adulthood, but it can begin at any age. People "
            "with type 1 diabetes need insulin every day."
        ),
        "sections": [
            (
                "Causes",
                (
                    "The immune system mistakenly destroys the insulin-making beta cells in the "
                    "pancreas. Why this happens is not fully understood. Genes, and possibly a "
                    "trigger such as a viral infection, are both thought to play a part. Type 1 "
                    "diabetes is not caused by diet or lifestyle."
                ),
            ),
            (
                "Symptoms",
                (
                    "Symptoms often develop over a few weeks:\n\n"
                    "- Strong thirst and frequent urination, including new bedwetting in a child "
                    "who had been dry at night\n"
                    "- Hunger with unexplained weight loss\n"
                    "- Tiredness and irritability\n"
                    "- Blurred vision\n\n"
                    "Sometimes the first sign is **diabetic ketoacidosis (DKA)**, a dangerous "
                    "buildup of acids in the blood. It causes nausea, vomiting, belly pain, deep "
                    "and rapid breathing, and a fruity smell on the breath."
                ),
            ),
            (
                "Treatment",
                (
                    "Insulin is given by injection or through a small wearable pump. Most people "
                    "combine long-acting (basal) insulin with mealtime (bolus) insulin and adjust "
                    "doses for food, activity, and glucose readings. A continuous glucose monitor "
                    "measures glucose under the skin every few minutes, and some pumps use these "
                    "readings to adjust insulin automatically.\n\n"
                    "Learning to recognize and treat low blood sugar (hypoglycemia) is essential. "
                    "Signs include shakiness, sweating, confusion, and a pounding heart. Eating or "
                    "drinking fast-acting sugar, such as juice or glucose tablets, usually "
                    "corrects it within minutes."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Get emergency care for vomiting that will not stop, trouble breathing, "
                    "confusion, or high glucose with moderate or large ketones. Contact your "
                    "diabetes care team if your readings are often out of range or you have "
                    "frequent low blood sugars."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Diabetes Association. Type 1 diabetes. Patient and public "
                    "information. Available at: diabetes.org."
                ),
                "url": "https://diabetes.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Type 1 "
                    "diabetes. Patient and public information. Available at: www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Gestational diabetes",
        "specialty": "Endocrinology",
        "topics": ["Diabetes", "Pregnancy"],
        "summary": (
            "Gestational diabetes is high blood sugar that first appears during pregnancy. It "
            "usually goes away after the baby is born, but it raises the chance of developing type "
            "2 diabetes later in life. Careful management during pregnancy keeps both parent and "
            "baby healthier."
        ),
        "sections": [
            (
                "Causes",
                (
                    "During pregnancy, the placenta releases hormones that make the body more "
                    "resistant to insulin. Most people make enough extra insulin to keep up. When "
                    "the pancreas cannot, blood sugar rises.\n\n"
                    "The risk is higher with overweight, a family history of type 2 diabetes, "
                    "gestational diabetes in an earlier pregnancy, polycystic ovary syndrome, age "
                    "over 35, or a previous baby who was large at birth."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Most pregnant people are screened between 24 and 28 weeks. A common approach "
                    "starts with a glucose challenge test: you drink a sweet liquid and have blood "
                    "drawn an hour later. If the result is high, a longer oral glucose tolerance "
                    "test follows. People at high risk may be tested earlier in pregnancy."
                ),
            ),
            (
                "Treatment",
                (
                    "- Follow a meal plan that spreads carbohydrates through the day, ideally with "
                    "help from a dietitian\n"
                    "- Check your blood sugar several times a day, usually on waking and after "
                    "meals\n"
                    "- Stay active, for example with a daily walk, if your provider agrees\n\n"
                    "If blood sugar stays above target, insulin is usually the first medicine, "
                    "because it does not cross the placenta. Metformin or glyburide is sometimes "
                    "used instead. Extra ultrasounds and monitoring may be done late in pregnancy."
                ),
            ),
            (
                "Possible Complications",
                (
                    "Without good control, the baby may grow large, which can make birth harder "
                    "and raise the chance of a cesarean delivery. Newborns may have low blood "
                    "sugar or breathing problems after birth. The pregnant person has a higher "
                    "risk of high blood pressure and preeclampsia."
                ),
            ),
            (
                "Outlook (Prognosis)",
                (
                    "Blood sugar usually returns to normal soon after delivery. Have a glucose "
                    "test 4 to 12 weeks after the birth and then at least every 1 to 3 years, "
                    "because many people who have had gestational diabetes go on to develop type 2 "
                    "diabetes. Breastfeeding, staying active, and reaching a healthy weight all "
                    "lower that risk."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American College of Obstetricians and Gynecologists. Gestational diabetes. "
                    "Patient and public information. Available at: www.acog.org."
                ),
                "url": "https://www.acog.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Diabetes Association. Gestational diabetes. Patient and public "
                    "information. Available at: diabetes.org."
                ),
                "url": "https://diabetes.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Diabetes. Patient and public "
                    "information. Available at: www.cdc.gov/diabetes."
                ),
                "url": "https://www.cdc.gov/diabetes/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Okafor CN, Reyes MA, Thorsen B. Postpartum glucose testing after gestational "
                    "diabetes: uptake and outcomes at five years. J Demo Clin Med. "
                    "2020;13(9):702-710."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2020.0215",
                "doi": "10.5555/stet.demo.2020.0215",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Underactive thyroid (hypothyroidism)",
        "specialty": "Endocrinology",
        "topics": [],
        "summary": (
            "An underactive thyroid means the thyroid gland does not make enough thyroid hormone. "
            "Because this hormone helps set the pace of the body's metabolism, many body functions "
            "slow down. The condition is common, especially in women and older adults, and is "
            "usually easy to treat with a daily pill."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Where diets contain enough iodine, the most common cause is **Hashimoto "
                    "thyroiditis**, an autoimmune condition in which the immune system slowly "
                    "damages the thyroid. Other causes include thyroid surgery, radioactive iodine "
                    "treatment, radiation to the neck, and some medicines, such as lithium and "
                    "amiodarone. Worldwide, lack of iodine in the diet remains an important cause."
                ),
            ),
            (
                "Symptoms",
                (
                    "Symptoms tend to develop slowly and are easy to miss:\n\n"
                    "- Tiredness, and feeling cold when others are comfortable\n"
                    "- Weight gain\n"
                    "- Constipation\n"
                    "- Dry skin and thinning hair\n"
                    "- Low mood or slowed thinking\n"
                    "- Heavier or irregular menstrual periods\n"
                    "- Muscle aches and stiffness"
                ),
            ),
            (
                "Exams and Tests",
                (
                    "A blood test for **thyroid-stimulating hormone (TSH)** is the main test. A "
                    "high TSH suggests the thyroid is underactive, and a free T4 level helps "
                    "confirm it. Thyroid antibody tests can show whether Hashimoto thyroiditis is "
                    "the cause."
                ),
            ),
            (
                "Treatment",
                (
                    "Levothyroxine, a man-made form of the hormone T4, replaces what the thyroid "
                    "no longer makes. It is usually taken once a day on an empty stomach, 30 to 60 "
                    "minutes before breakfast, and several hours apart from calcium or iron "
                    "supplements, which can block its absorption.\n\n"
                    "TSH is rechecked 6 to 8 weeks after each dose change, then about once a year "
                    "once the dose is stable. Treatment is usually lifelong. Tell your provider if "
                    "you become pregnant, because the dose often needs to go up."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Thyroid Association. Hypothyroidism. Patient and public information. "
                    "Available at: www.thyroid.org."
                ),
                "url": "https://www.thyroid.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. "
                    "Hypothyroidism. Patient and public information. Available at: "
                    "www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Osteoporosis",
        "specialty": "Endocrinology",
        "topics": ["Nutrition"],
        "summary": (
            "Osteoporosis is a condition in which bones become thin and fragile, so they break "
            "more easily. It often causes no symptoms until a bone breaks. Screening, bone-healthy "
            "habits, and medicines can lower the risk of fractures."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Bone is living tissue that is constantly broken down and rebuilt. From middle "
                    "age on, breakdown slowly outpaces rebuilding. In women, bone loss speeds up "
                    "for several years after menopause as estrogen levels fall.\n\n"
                    "Other risk factors include a parent who broke a hip, a small body frame, "
                    "smoking, heavy alcohol use, low calcium and vitamin D intake, long-term use "
                    "of corticosteroid pills, and conditions such as rheumatoid arthritis or an "
                    "overactive thyroid."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "A **bone density scan (DXA)** uses a low dose of x-rays to measure bone "
                    "strength at the hip and spine. Results are reported as a T-score, and a score "
                    "of -2.5 or lower means osteoporosis. Screening is generally recommended for "
                    "women 65 and older, and for younger women after menopause and some men who "
                    "have risk factors. A bone broken in a minor fall also points to osteoporosis, "
                    "whatever the scan shows."
                ),
            ),
            (
                "Treatment",
                (
                    "- Get enough calcium, mainly from foods such as dairy, fortified plant milks, "
                    "canned fish with bones, and leafy greens\n"
                    "- Get enough vitamin D; many adults need a supplement\n"
                    "- Do weight-bearing and muscle-strengthening exercise, plus balance training "
                    "to prevent falls\n"
                    "- Stop smoking and limit alcohol\n\n"
                    "Medicines include bisphosphonates (such as alendronate or zoledronic acid), "
                    "denosumab, and, for people at very high risk, medicines that build new bone. "
                    "Your provider will discuss how long to take them and what side effects to "
                    "watch for."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Institute of Arthritis and Musculoskeletal and Skin Diseases. "
                    "Osteoporosis. Patient and public information. Available at: www.niams.nih.gov."
                ),
                "url": "https://www.niams.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Endocrine Society. Osteoporosis. Patient and public information. Available "
                    "at: www.endocrine.org."
                ),
                "url": "https://www.endocrine.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Deep vein thrombosis",
        "specialty": "Family Medicine",
        "topics": ["Anticoagulants"],
        "summary": (
            "Deep vein thrombosis (DVT) is a blood clot in one of the body's deep veins, most "
            "often in the leg. It needs prompt treatment, because part of the clot can break loose "
            "and travel to the lungs. Blood-thinning medicines are the main treatment."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Clots form when blood moves slowly, when a vein is injured, or when the blood "
                    "clots more easily than normal. Common situations include:\n\n"
                    "- Sitting or lying still for a long time, such as after surgery, during a "
                    "hospital stay, or on a long flight or car ride\n"
                    "- Recent surgery, especially on the hip or knee, or a serious injury\n"
                    "- Cancer and its treatment\n"
                    "- Pregnancy and the weeks after giving birth\n"
                    "- Birth control or hormone therapy that contains estrogen\n"
                    "- An inherited clotting disorder, or a past DVT\n"
                    "- Older age, obesity, and smoking"
                ),
            ),
            (
                "Symptoms",
                (
                    "DVT often causes swelling, pain, or tenderness in one leg, usually in the "
                    "calf or thigh. The leg may feel warm and look red or darker than the other "
                    "leg. Some people have no symptoms until a clot reaches the lungs."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "**Ultrasound** of the leg veins is the main test. A blood test called D-dimer "
                    "can help rule out a clot when the chance of one is low. If a clot in the "
                    "lungs is suspected, a CT scan of the chest may be done."
                ),
            ),
            (
                "Treatment",
                (
                    "Most people are treated with an anticoagulant for at least 3 months, and many "
                    "can start treatment at home. Options include pills such as apixaban or "
                    "rivaroxaban, injections of low-molecular-weight heparin, and warfarin. Blood "
                    "thinners stop the clot from growing and give the body time to break it down; "
                    "they do not dissolve it directly.\n\n"
                    "How long to continue depends on what caused the clot and on your risk of "
                    "bleeding. People whose clot had no clear trigger may be advised to stay on "
                    "treatment longer. Walking as much as you comfortably can is encouraged."
                ),
            ),
            (
                "Prevention",
                (
                    "- On long trips, get up and move every hour or two, and flex your ankles "
                    "while seated\n"
                    "- After an operation, follow your surgeon's plan for blood thinners or "
                    "compression devices\n"
                    "- Stay active and keep a healthy weight\n"
                    "- Ask about your clot risk before starting medicines that contain estrogen\n\n"
                    "Seek emergency care for sudden shortness of breath, chest pain, or coughing "
                    "up blood, which can mean a clot has reached the lungs."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Heart, Lung, and Blood Institute. Venous thromboembolism. Patient "
                    "and public information. Available at: www.nhlbi.nih.gov."
                ),
                "url": "https://www.nhlbi.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Venous thromboembolism (blood "
                    "clots). Patient and public information. Available at: www.cdc.gov."
                ),
                "url": "https://www.cdc.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Blood Clot Alliance. Blood clots. Patient and public information. "
                    "Available at: www.stoptheclot.org."
                ),
                "url": "https://www.stoptheclot.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Society of Hematology. Blood clots. Patient and public information. "
                    "Available at: www.hematology.org."
                ),
                "url": "https://www.hematology.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Marlow JT, Osei A, Lindqvist P. Extended-interval anticoagulant dosing in "
                    "older adults: a multicentre cohort. J Demo Clin Med. 2021;14(3):211-219."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2021.0142",
                "doi": "10.5555/stet.demo.2021.0142",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Low back pain",
        "specialty": "Family Medicine",
        "topics": [],
        "summary": (
            "Low back pain is one of the most common reasons people see a health care provider. "
            "Most episodes come from strain on the muscles, ligaments, or joints of the back and "
            "get better within a few weeks. Staying active usually helps more than resting in bed."
        ),
        "sections": [
            (
                "Causes",
                (
                    "The lower back carries much of the body's weight and bends and twists all "
                    "day. Pain often follows lifting, a sudden movement, or a long time spent in "
                    "one position, but it can also start for no clear reason.\n\n"
                    "Other causes include age-related wear of the discs and joints, a bulging or "
                    "herniated disc pressing on a nerve (which can cause sciatica, pain that runs "
                    "down the leg), and narrowing of the spinal canal in older adults. Rarely, "
                    "back pain comes from an infection, a tumor, or a fracture."
                ),
            ),
            (
                "Treatment",
                (
                    "For new back pain without warning signs:\n\n"
                    "- Keep moving; short walks and gentle everyday activity speed recovery\n"
                    "- Use heat on the sore area for comfort\n"
                    "- Try an anti-inflammatory pain reliever such as ibuprofen or naproxen, if it "
                    "is safe for you, following the label\n"
                    "- Consider physical therapy, massage, yoga, or spinal manipulation if pain "
                    "lingers\n\n"
                    "X-rays or an MRI are usually not needed in the first several weeks, because "
                    "they rarely change treatment. Opioid pain medicines are generally avoided."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Get care right away if back pain comes with:\n\n"
                    "- New weakness or numbness in the legs\n"
                    "- Loss of bladder or bowel control, or numbness in the groin or inner thighs\n"
                    "- Fever, or a history of cancer or injection drug use\n"
                    "- A serious fall or injury\n\n"
                    "Also see your provider if the pain is not improving after a few weeks."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Family Physicians. familydoctor.org. Low back pain. "
                    "Patient and public information. Available at: familydoctor.org."
                ),
                "url": "https://familydoctor.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Arthritis and Musculoskeletal and Skin Diseases. Back "
                    "pain. Patient and public information. Available at: www.niams.nih.gov."
                ),
                "url": "https://www.niams.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "North American Spine Society. Low back pain. Patient and public information. "
                    "Available at: www.spine.org."
                ),
                "url": "https://www.spine.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Insomnia",
        "specialty": "Family Medicine",
        "topics": ["Mental Health"],
        "summary": (
            "Insomnia means having trouble falling asleep, staying asleep, or waking too early, "
            "along with feeling unrested during the day. Short spells are common during stressful "
            "times. When it lasts for months, effective treatments that do not depend on sleeping "
            "pills are available."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Insomnia is often set off by stress, illness, pain, travel across time zones, "
                    "or a change in work schedule. It can then carry on because of habits that "
                    "develop in response, such as spending long stretches awake in bed or worrying "
                    "about sleep itself.\n\n"
                    "Other contributors include depression and anxiety, caffeine, nicotine, "
                    "alcohol, some medicines, sleep apnea, restless legs syndrome, and needing to "
                    "urinate often at night."
                ),
            ),
            (
                "Symptoms",
                (
                    "- Lying awake for a long time before falling asleep\n"
                    "- Waking during the night and struggling to get back to sleep\n"
                    "- Waking earlier than planned\n"
                    "- Daytime tiredness, irritability, or trouble concentrating\n\n"
                    "Long-term (chronic) insomnia usually means sleep trouble at least 3 nights a "
                    "week for 3 months or more."
                ),
            ),
            (
                "Treatment",
                (
                    "**Cognitive behavioral therapy for insomnia (CBT-I)** is the recommended "
                    "first treatment for chronic insomnia. It is offered one-on-one, in groups, "
                    "and through apps and online programs, and it includes:\n\n"
                    "- Getting up at the same time every day\n"
                    "- Going to bed only when sleepy, and getting up if you cannot sleep\n"
                    "- Limiting time in bed to match the sleep you actually get, then gradually "
                    "extending it\n"
                    "- Working on worried thoughts about sleep\n\n"
                    "Sleep medicines may help for a short time but can cause next-day drowsiness "
                    "and falls, especially in older adults. Talk with your provider before using "
                    "over-the-counter sleep aids regularly. The [American Academy of Sleep "
                    "Medicine](https://sleepeducation.org) offers patient information."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Sleep Medicine. Sleep Education. Insomnia. Patient and "
                    "public information. Available at: sleepeducation.org."
                ),
                "url": "https://sleepeducation.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Heart, Lung, and Blood Institute. Insomnia. Patient and public "
                    "information. Available at: www.nhlbi.nih.gov."
                ),
                "url": "https://www.nhlbi.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Family Physicians. familydoctor.org. Insomnia. Patient "
                    "and public information. Available at: familydoctor.org."
                ),
                "url": "https://familydoctor.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Nosebleeds",
        "specialty": "Family Medicine",
        "topics": ["Anticoagulants"],
        "summary": (
            "Nosebleeds are common and usually harmless. Most start from small blood vessels near "
            "the front of the nose and stop with simple pressure. People who take blood thinners "
            "may bleed for longer and should know when to get help."
        ),
        "sections": [
            (
                "Causes",
                (
                    "The lining of the nose has many tiny blood vessels close to the surface. Dry "
                    "air, nose picking, colds, allergies, and forceful nose blowing can irritate "
                    "them. Bleeding is more likely, and can last longer, in people who take "
                    "anticoagulants or antiplatelet medicines such as aspirin or clopidogrel, and "
                    "in people with bleeding disorders or uncontrolled high blood pressure."
                ),
            ),
            (
                "Treatment",
                (
                    "To stop a nosebleed:\n\n"
                    "1. Sit up and lean slightly **forward**, not back, so blood does not run down "
                    "your throat.\n"
                    "2. Pinch the soft part of your nose firmly, just below the bony bridge.\n"
                    "3. Keep steady pressure for 10 to 15 minutes without letting go to check.\n"
                    "4. Breathe through your mouth and spit out any blood.\n\n"
                    "For the next day, avoid blowing your nose, bending over, or heavy lifting. If "
                    "you take a blood thinner, do not stop it on your own after a nosebleed; talk "
                    "with the provider who prescribes it."
                ),
            ),
            (
                "Prevention",
                (
                    "Use a humidifier in dry weather, apply a thin layer of saline gel or "
                    "petroleum jelly inside the nostrils, and treat allergies. Keep children's "
                    "fingernails short."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Seek emergency care if bleeding does not stop after 20 minutes of firm "
                    "pressure, follows a blow to the head or face, is heavy, or makes you feel "
                    "faint. Contact your provider if you have frequent nosebleeds, especially "
                    "while taking an anticoagulant, since your dose or INR may need checking."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Otolaryngology-Head and Neck Surgery. ENT Health. "
                    "Nosebleeds. Patient and public information. Available at: www.enthealth.org."
                ),
                "url": "https://www.enthealth.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Family Physicians. familydoctor.org. Nosebleeds. Patient "
                    "and public information. Available at: familydoctor.org."
                ),
                "url": "https://familydoctor.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Marlow JT, Osei A, Lindqvist P. Extended-interval anticoagulant dosing in "
                    "older adults: a multicentre cohort. J Demo Clin Med. 2021;14(3):211-219."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2021.0142",
                "doi": "10.5555/stet.demo.2021.0142",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Quitting smoking",
        "specialty": "Family Medicine",
        "topics": ["Smoking"],
        "summary": (
            "Quitting smoking is one of the most important things a person can do for their "
            "health, at any age. Nicotine is addictive, so many people need several tries before "
            "they quit for good. Combining counseling with medicine greatly improves the chance of "
            "success."
        ),
        "sections": [
            (
                "Benefits of Quitting",
                (
                    "Health benefits begin quickly and keep adding up. Within weeks, circulation "
                    "and breathing start to improve. Over the following years, the risks of heart "
                    "attack, stroke, many cancers, and COPD fall steadily. Quitting during "
                    "pregnancy protects the baby, and quitting at home protects family members "
                    "from secondhand smoke."
                ),
            ),
            (
                "Treatment",
                (
                    "Medicine together with counseling works better than willpower alone.\n\n"
                    "- **Nicotine replacement** comes as patches, gum, lozenges, inhalers, and "
                    "nasal sprays; combining a patch with a short-acting form often works best\n"
                    "- **Varenicline** eases cravings and makes smoking less satisfying\n"
                    "- **Bupropion**, an antidepressant, also helps people quit\n\n"
                    "In the United States, free coaching is available by calling 1-800-QUIT-NOW "
                    "and online at [Smokefree.gov](https://smokefree.gov). Your provider can help "
                    "you choose a quit date and make a plan."
                ),
            ),
            (
                "Managing Cravings and Withdrawal",
                (
                    "Cravings usually pass within a few minutes. It helps to:\n\n"
                    "- Know your triggers, such as coffee, alcohol, stress, or driving, and plan "
                    "what to do instead\n"
                    "- Keep your hands and mouth busy with sugar-free gum, crunchy vegetables, or "
                    "a stress ball\n"
                    "- Take a short walk or do some slow, deep breathing\n"
                    "- Tell friends and family that you are quitting and ask for their support\n\n"
                    "Irritability, restlessness, trouble sleeping, and a bigger appetite are "
                    "common in the first few weeks and fade with time. If you slip, do not give "
                    "up. Think about what led to it and try again."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Cancer Institute. Smokefree.gov. Quitting smoking. Patient and "
                    "public information. Available at: smokefree.gov."
                ),
                "url": "https://smokefree.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Smoking and tobacco use. Patient "
                    "and public information. Available at: www.cdc.gov/tobacco."
                ),
                "url": "https://www.cdc.gov/tobacco/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Lung Association. Quit smoking. Patient and public information. "
                    "Available at: www.lung.org."
                ),
                "url": "https://www.lung.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Celiac disease",
        "specialty": "Gastroenterology",
        "topics": ["Nutrition"],
        "summary": (
            "Celiac disease is an immune reaction to gluten, a protein found in wheat, barley, and "
            "rye. In people with the condition, eating gluten damages the lining of the small "
            "intestine. A strict gluten-free diet lets the intestine heal."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Celiac disease runs in families and occurs only in people who carry certain "
                    "immune genes, known as HLA-DQ2 and HLA-DQ8. When they eat gluten, the immune "
                    "system attacks the small intestine and flattens the tiny, finger-like villi "
                    "that absorb nutrients. It is more common in people with type 1 diabetes, "
                    "autoimmune thyroid disease, Down syndrome, or a close relative with celiac "
                    "disease."
                ),
            ),
            (
                "Symptoms",
                (
                    "Symptoms vary widely, and some people have none at all.\n\n"
                    "- Diarrhea, gas, bloating, or belly pain\n"
                    "- Constipation\n"
                    "- Weight loss, or poor growth in children\n"
                    "- Tiredness from iron-deficiency anemia\n"
                    "- An itchy, blistering skin rash (dermatitis herpetiformis)\n"
                    "- Thinning bones, mouth ulcers, or tingling in the hands and feet"
                ),
            ),
            (
                "Exams and Tests",
                (
                    "A blood test for **tissue transglutaminase antibodies (tTG-IgA)** is the "
                    "usual first step. If it is positive, small samples of the intestine taken "
                    "during an upper endoscopy confirm the diagnosis in most cases.\n\n"
                    "Keep eating gluten until testing is finished. Cutting it out beforehand can "
                    "make the results look falsely normal."
                ),
            ),
            (
                "Treatment",
                (
                    "The only treatment is a lifelong gluten-free diet. Even small amounts of "
                    "gluten can cause damage, so learning to read labels and avoid cross-contact "
                    "in the kitchen is important. A dietitian who knows celiac disease is very "
                    "helpful. Most people tolerate oats that are labeled gluten-free.\n\n"
                    "Many people feel better within weeks, though the intestine can take months to "
                    "years to heal fully. Your provider may check for low iron, vitamin D, and "
                    "other nutrients and suggest a bone density test. The [Celiac Disease "
                    "Foundation](https://celiac.org) has resources for people who have just been "
                    "diagnosed."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Celiac "
                    "disease. Patient and public information. Available at: www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Celiac Disease Foundation. What is celiac disease. Patient and public "
                    "information. Available at: celiac.org."
                ),
                "url": "https://celiac.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American College of Gastroenterology. Celiac disease. Patient and public "
                    "information. Available at: gi.org."
                ),
                "url": "https://gi.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Fatty liver disease",
        "specialty": "Gastroenterology",
        "topics": ["Diabetes"],
        "summary": (
            "Fatty liver disease means extra fat has built up in the liver. The most common type "
            "is linked to excess weight, type 2 diabetes, and high cholesterol rather than "
            "alcohol, and is now called metabolic dysfunction-associated steatotic liver disease "
            "(MASLD). Most people have no symptoms, but in some the liver becomes inflamed and "
            "scarred over time."
        ),
        "sections": [
            (
                "Causes",
                (
                    "MASLD develops when the body takes in more energy than it can use and insulin "
                    "resistance pushes the extra fat into the liver. It is closely tied to "
                    "obesity, type 2 diabetes, high blood pressure, and high triglycerides. Heavy "
                    "drinking causes a separate but similar condition, alcohol-related liver "
                    "disease, and some people have features of both."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Fatty liver is often found by chance on an ultrasound, or when routine blood "
                    "tests show raised liver enzymes. To estimate whether scarring (fibrosis) is "
                    "present, providers use scores calculated from blood tests and a special "
                    "ultrasound that measures how stiff the liver is. A liver biopsy is needed "
                    "only in some cases."
                ),
            ),
            (
                "Treatment",
                (
                    "**Gradual weight loss** is the most effective treatment. Losing about 5% of "
                    "body weight reduces liver fat, and losing 7% to 10% can ease inflammation and "
                    "even reverse some scarring.\n\n"
                    "- Choose a Mediterranean-style diet rich in vegetables, beans and lentils, "
                    "whole grains, fish, and olive oil\n"
                    "- Cut back on sugary drinks and highly processed foods\n"
                    "- Be active on most days\n"
                    "- Limit or avoid alcohol\n"
                    "- Keep diabetes, blood pressure, and cholesterol under control\n\n"
                    "For people with significant scarring, a prescription medicine called "
                    "resmetirom is approved in the United States, and some diabetes and "
                    "weight-loss medicines may also help."
                ),
            ),
            (
                "Outlook (Prognosis)",
                (
                    "Most people with simple fatty liver never develop serious liver disease. In a "
                    "minority, however, ongoing inflammation leads to scarring that can progress "
                    "to cirrhosis or liver cancer. Heart disease is the most common serious health "
                    "problem in people with MASLD, so protecting the heart is a key part of care."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Liver Foundation. Fatty liver disease. Patient and public "
                    "information. Available at: liverfoundation.org."
                ),
                "url": "https://liverfoundation.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. "
                    "Nonalcoholic fatty liver disease. Patient and public information. Available "
                    "at: www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Association for the Study of Liver Diseases. Liver disease "
                    "information. Patient and public information. Available at: www.aasld.org."
                ),
                "url": "https://www.aasld.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Gastroesophageal reflux disease",
        "specialty": "Gastroenterology",
        "topics": [],
        "summary": (
            "Gastroesophageal reflux disease (GERD) happens when stomach contents flow back up "
            "into the esophagus often enough to cause troublesome symptoms or damage. Heartburn is "
            "the most familiar symptom. Lifestyle changes and medicines control GERD for most "
            "people."
        ),
        "sections": [
            (
                "Symptoms",
                (
                    "- Heartburn, a burning feeling behind the breastbone, often after meals or "
                    "when lying down\n"
                    "- A sour or bitter taste as stomach contents come up into the mouth "
                    "(regurgitation)\n"
                    "- Trouble swallowing, or a feeling that food is stuck\n"
                    "- A long-lasting cough, hoarseness, or sore throat, especially in the "
                    "morning\n\n"
                    "Occasional heartburn is common and is not GERD. Symptoms that happen twice a "
                    "week or more are worth discussing with your provider."
                ),
            ),
            (
                "Treatment",
                (
                    "Helpful changes include:\n\n"
                    "- Eating smaller meals and not lying down for 2 to 3 hours after eating\n"
                    "- Raising the head of the bed by 6 to 8 inches (15 to 20 cm) with blocks or a "
                    "wedge\n"
                    "- Losing extra weight and stopping smoking\n"
                    "- Cutting back on foods that bring on your symptoms, such as fatty meals, "
                    "chocolate, peppermint, coffee, or alcohol\n\n"
                    "Antacids give quick but short relief. H2 blockers such as famotidine and "
                    "proton pump inhibitors such as omeprazole lower stomach acid. Use the lowest "
                    "dose that controls your symptoms, and review long-term use with your "
                    "provider. Surgery or an endoscopic procedure may be an option for people who "
                    "do not respond to medicine or prefer not to take it long term."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "See your provider promptly if you have trouble or pain when swallowing, "
                    "weight loss you cannot explain, vomiting of blood or of material that looks "
                    "like coffee grounds, black stools, or anemia. Chest pain can come from the "
                    "heart rather than the esophagus. Call 911 or the local emergency number for "
                    "chest pain with shortness of breath or sweating, or pain that spreads to the "
                    "arm or jaw."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American College of Gastroenterology. Acid reflux. Patient and public "
                    "information. Available at: gi.org."
                ),
                "url": "https://gi.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Acid reflux "
                    "(GER and GERD) in adults. Patient and public information. Available at: "
                    "www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "International Foundation for Gastrointestinal Disorders. GERD. Patient and "
                    "public information. Available at: iffgd.org."
                ),
                "url": "https://iffgd.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Irritable bowel syndrome",
        "specialty": "Gastroenterology",
        "topics": [],
        "summary": (
            "Irritable bowel syndrome (IBS) is a common condition that causes repeated belly pain "
            "along with changes in bowel habits. It does not damage the intestines or lead to "
            "cancer. Symptoms can often be eased with changes in diet, stress management, and "
            "medicines."
        ),
        "sections": [
            (
                "Causes",
                (
                    "IBS is considered a disorder of gut-brain interaction. The nerves of the gut "
                    "may be extra sensitive, and the muscles may move food along too quickly or "
                    "too slowly. A bout of food poisoning or another gut infection sometimes sets "
                    "it off. Stress, anxiety, certain foods, and hormonal changes can make "
                    "symptoms worse."
                ),
            ),
            (
                "Symptoms",
                (
                    "The main symptom is belly pain or cramping that is linked to bowel movements. "
                    "Some people have mostly diarrhea, some mostly constipation, and some a mix of "
                    "both. Bloating, gas, and mucus in the stool are also common. Symptoms often "
                    "come and go over months or years."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "No single test confirms IBS. Your provider makes the diagnosis from your "
                    "symptoms and a physical exam, and may order blood or stool tests to rule out "
                    "other conditions such as celiac disease or inflammatory bowel disease. A "
                    "colonoscopy is needed only if you have warning signs or are due for colon "
                    "cancer screening."
                ),
            ),
            (
                "Treatment",
                (
                    "- **Diet:** Eat regular meals, try soluble fiber such as psyllium, and "
                    "consider a low-FODMAP diet with guidance from a dietitian\n"
                    "- **Mind and body:** Regular exercise, cognitive behavioral therapy, and "
                    "gut-directed hypnotherapy can reduce symptoms\n"
                    "- **Medicines:** Options depend on the main symptom and include "
                    "antispasmodics, laxatives, anti-diarrheal medicines, and low doses of certain "
                    "antidepressants that calm the nerves of the gut\n\n"
                    "Tell your provider about rectal bleeding, weight loss, fever, or symptoms "
                    "that wake you from sleep, since these are not typical of IBS."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "International Foundation for Gastrointestinal Disorders. Irritable bowel "
                    "syndrome. Patient and public information. Available at: iffgd.org."
                ),
                "url": "https://iffgd.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American College of Gastroenterology. Irritable bowel syndrome. Patient and "
                    "public information. Available at: gi.org."
                ),
                "url": "https://gi.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Irritable "
                    "bowel syndrome. Patient and public information. Available at: "
                    "www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Chronic kidney disease",
        "specialty": "Nephrology",
        "topics": ["Blood Pressure", "Diabetes"],
        "summary": (
            "Chronic kidney disease (CKD) means the kidneys have been damaged or have lost some of "
            "their ability to filter blood for at least 3 months. It usually gets worse slowly and "
            "causes few symptoms until it is advanced. Finding it early and treating the cause can "
            "slow or even stop its progress."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Diabetes and high blood pressure cause most cases of CKD. Other causes "
                    "include glomerulonephritis (inflammation of the kidney's tiny filters), "
                    "polycystic kidney disease, repeated kidney infections, blocked urine flow, "
                    "and long-term use of some medicines, including frequent high doses of NSAID "
                    "pain relievers."
                ),
            ),
            (
                "Symptoms",
                (
                    "Early CKD usually causes no symptoms. As kidney function falls, people may "
                    "notice:\n\n"
                    "- Tiredness and trouble concentrating\n"
                    "- Swelling in the feet and ankles\n"
                    "- Foamy urine, or urinating more or less than usual\n"
                    "- Itching, muscle cramps, or a poor appetite\n"
                    "- Nausea and a metallic taste in the mouth in advanced disease"
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Two simple tests find CKD:\n\n"
                    "- A **blood test** for creatinine, used to calculate the estimated glomerular "
                    "filtration rate (eGFR), which shows how well the kidneys filter\n"
                    "- A **urine test** for albumin, a protein that leaks into the urine when the "
                    "kidneys are damaged\n\n"
                    "CKD is grouped into stages 1 to 5 based on the eGFR, together with the amount "
                    "of albumin in the urine. People with diabetes or high blood pressure should "
                    "have both tests regularly."
                ),
            ),
            (
                "Treatment",
                (
                    "Treatment aims to protect the kidney function that remains:\n\n"
                    "- Keep blood pressure in your target range; ACE inhibitors or ARBs are often "
                    "used because they also reduce protein in the urine\n"
                    "- For many people, an SGLT2 inhibitor slows CKD, whether or not they have "
                    "diabetes\n"
                    "- Manage blood sugar if you have diabetes\n"
                    "- Follow a meal plan that may limit salt and, in later stages, potassium, "
                    "phosphorus, or protein\n"
                    "- Stop smoking\n\n"
                    "**Medicine safety.** The kidneys clear many drugs from the body, so the doses "
                    "of some antibiotics, diabetes medicines, and blood thinners may need to "
                    "change as kidney function falls. Avoid NSAIDs unless your provider approves, "
                    "and check with a pharmacist before starting supplements.\n\n"
                    "If the kidneys fail, the options are dialysis, a kidney transplant, or "
                    "supportive care focused on comfort and quality of life."
                ),
            ),
            (
                "Outlook (Prognosis)",
                (
                    "Many people with CKD never need dialysis, especially when the disease is "
                    "found early. CKD also raises the risk of heart disease, so controlling blood "
                    "pressure, cholesterol, and blood sugar protects both the heart and the "
                    "kidneys. The [National Kidney Foundation](https://www.kidney.org) offers "
                    "guidance on living well with CKD."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Kidney Foundation. Chronic kidney disease. Patient and public "
                    "information. Available at: www.kidney.org."
                ),
                "url": "https://www.kidney.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Chronic "
                    "kidney disease. Patient and public information. Available at: "
                    "www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Kidney Disease: Improving Global Outcomes (KDIGO). Clinical practice "
                    "guidelines. Patient and public information. Available at: kdigo.org."
                ),
                "url": "https://kdigo.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Adeyemi RK, Brandt S, Nakamura H. Home blood pressure self-monitoring and "
                    "medication adherence in primary care: a pragmatic trial. J Demo Clin Med. "
                    "2019;12(6):488-497."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2019.0087",
                "doi": "10.5555/stet.demo.2019.0087",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Marlow JT, Osei A, Lindqvist P. Extended-interval anticoagulant dosing in "
                    "older adults: a multicentre cohort. J Demo Clin Med. 2021;14(3):211-219."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2021.0142",
                "doi": "10.5555/stet.demo.2021.0142",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Kidney stones",
        "specialty": "Nephrology",
        "topics": [],
        "summary": (
            "Kidney stones are hard deposits of minerals and salts that form inside the kidneys. "
            "Small stones may pass on their own, while larger ones can block the flow of urine and "
            "cause severe pain. Once a person has had one stone, the chance of another is high, "
            "but it can be lowered."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Stones form when urine contains more crystal-forming substances, such as "
                    "calcium, oxalate, or uric acid, than the fluid can keep dissolved. Calcium "
                    "oxalate stones are the most common type. The risk rises with not drinking "
                    "enough fluid, a diet high in salt or animal protein, obesity, a family "
                    "history of stones, certain bowel conditions, and gout."
                ),
            ),
            (
                "Symptoms",
                (
                    "A stone may cause no symptoms until it moves into the ureter, the tube that "
                    "carries urine from the kidney to the bladder. Then it can cause:\n\n"
                    "- Sudden, severe, cramping pain in the side and back, often spreading to the "
                    "lower belly or groin\n"
                    "- Pain that comes in waves\n"
                    "- Pink, red, or brown urine\n"
                    "- Nausea and vomiting\n"
                    "- A frequent urge to urinate"
                ),
            ),
            (
                "Treatment",
                (
                    "Many stones smaller than about 5 mm pass within a few weeks. Drinking fluids, "
                    "taking pain relievers, and sometimes taking tamsulosin, a medicine that "
                    "relaxes the ureter, can help. You may be asked to strain your urine to catch "
                    "the stone so it can be tested.\n\n"
                    "Larger stones, or stones that cause infection or block the kidney, may be "
                    "broken up with shock waves (lithotripsy), removed with a thin scope passed up "
                    "the urinary tract (ureteroscopy), or, for very large stones, removed through "
                    "a small cut in the back.\n\n"
                    "**Fever together with a stone is an emergency**, because an infection trapped "
                    "behind a blockage can become serious quickly."
                ),
            ),
            (
                "Prevention",
                (
                    "- Drink enough fluid to pass about 2.5 liters of urine a day; pale yellow "
                    "urine is a good sign\n"
                    "- Limit salt and large servings of meat\n"
                    "- Get normal amounts of calcium from food rather than cutting it out\n"
                    "- For calcium oxalate stones, avoid very large amounts of high-oxalate foods "
                    "such as spinach and nuts\n\n"
                    "A 24-hour urine test can guide specific diet changes or medicines to prevent "
                    "new stones."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Urology Care Foundation. Kidney stones. Patient and public information. "
                    "Available at: www.urologyhealth.org."
                ),
                "url": "https://www.urologyhealth.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Kidney "
                    "stones. Patient and public information. Available at: www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Kidney Foundation. Kidney stones. Patient and public information. "
                    "Available at: www.kidney.org."
                ),
                "url": "https://www.kidney.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Acute kidney injury",
        "specialty": "Nephrology",
        "topics": [],
        "summary": (
            "Acute kidney injury (AKI) is a sudden drop in kidney function that develops over "
            "hours or days. It most often happens in people who are already ill or in the "
            "hospital. When the cause is treated promptly, kidney function often recovers."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Causes fall into three broad groups:\n\n"
                    "- **Reduced blood flow** to the kidneys, from dehydration, heavy bleeding, "
                    "severe infection (sepsis), or heart failure\n"
                    "- **Direct damage** to the kidneys from some medicines, contrast dye, toxins, "
                    "or inflammation\n"
                    "- **Blocked urine flow**, for example from an enlarged prostate or kidney "
                    "stones\n\n"
                    "Older adults and people with diabetes, heart disease, or chronic kidney "
                    "disease are at higher risk. Taking NSAIDs together with diuretics and certain "
                    "blood pressure medicines during an illness can also strain the kidneys."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "AKI is found when the level of creatinine in the blood rises quickly or the "
                    "amount of urine drops. Urine tests, a kidney ultrasound to look for a "
                    "blockage, and a review of all medicines help find the cause. Many people have "
                    "few symptoms at first. Some notice less urine, swelling, tiredness, or "
                    "confusion."
                ),
            ),
            (
                "Treatment",
                (
                    "Treatment depends on the cause. It may include fluids for dehydration, "
                    "stopping medicines that harm the kidneys, treating an infection, or relieving "
                    "a blockage with a catheter. The care team closely watches fluid balance and "
                    "blood salts such as potassium. Short-term dialysis may be needed if the "
                    "kidneys cannot keep up."
                ),
            ),
            (
                "Outlook (Prognosis)",
                (
                    "Many people recover most or all of their kidney function. Even so, an episode "
                    "of AKI raises the chance of chronic kidney disease later, so follow-up blood "
                    "tests are recommended. When you are sick with vomiting or diarrhea, ask your "
                    "provider which of your regular medicines to pause until you are eating and "
                    "drinking normally again."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Kidney Foundation. Acute kidney injury. Patient and public "
                    "information. Available at: www.kidney.org."
                ),
                "url": "https://www.kidney.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Kidney Disease: Improving Global Outcomes (KDIGO). Clinical practice "
                    "guidelines. Patient and public information. Available at: kdigo.org."
                ),
                "url": "https://kdigo.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Polycystic kidney disease",
        "specialty": "Nephrology",
        "topics": [],
        "summary": (
            "Polycystic kidney disease (PKD) is an inherited condition in which many fluid-filled "
            "cysts grow in the kidneys. Over decades, the cysts enlarge the kidneys and can lead "
            "to kidney failure. Treatment focuses on protecting kidney function and managing "
            "symptoms."
        ),
        "sections": [
            (
                "Causes",
                (
                    "The most common form, autosomal dominant PKD, is caused by changes in the "
                    "PKD1 or PKD2 gene. A parent with this form has a 50% chance of passing it to "
                    "each child. A rarer form, autosomal recessive PKD, usually shows up in "
                    "infancy or childhood."
                ),
            ),
            (
                "Symptoms",
                (
                    "Many people have no symptoms until their 30s or 40s. Signs can include:\n\n"
                    "- High blood pressure, often before age 40\n"
                    "- Pain in the back or side\n"
                    "- Blood in the urine\n"
                    "- Kidney stones or urinary tract infections\n"
                    "- A swollen belly from enlarged kidneys\n\n"
                    "Cysts may also form in the liver, and some families have a higher risk of a "
                    "bulging blood vessel in the brain (aneurysm)."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "An ultrasound usually shows the cysts. An MRI can measure kidney size, which "
                    "helps predict how quickly the disease may progress. Genetic testing is useful "
                    "in some situations, such as when a relative is being considered as a kidney "
                    "donor."
                ),
            ),
            (
                "Treatment",
                (
                    "- Keep blood pressure well controlled, often with an ACE inhibitor or ARB\n"
                    "- Drink plenty of water unless told otherwise, and limit salt\n"
                    "- Avoid NSAIDs when possible\n"
                    "- Treat urinary infections and stones promptly\n\n"
                    "For people at risk of faster decline, a medicine called tolvaptan can slow "
                    "cyst growth; it requires regular liver blood tests. If kidney failure "
                    "develops, dialysis or a transplant are options. The [PKD "
                    "Foundation](https://pkdcure.org) provides education and support for families."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "PKD Foundation. Understanding PKD. Patient and public information. Available "
                    "at: pkdcure.org."
                ),
                "url": "https://pkdcure.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Polycystic "
                    "kidney disease. Patient and public information. Available at: "
                    "www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Kidney Foundation. Polycystic kidney disease. Patient and public "
                    "information. Available at: www.kidney.org."
                ),
                "url": "https://www.kidney.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Stroke",
        "specialty": "Neurology",
        "topics": ["Anticoagulants", "Blood Pressure"],
        "summary": (
            "A stroke happens when blood flow to part of the brain is blocked or when a blood "
            "vessel in the brain bursts. Brain cells begin to die within minutes, so a stroke is a "
            "medical emergency. Fast treatment can limit damage and improve recovery."
        ),
        "sections": [
            (
                "Causes",
                (
                    "- **Ischemic stroke**, the most common type, occurs when a clot blocks an "
                    "artery that supplies the brain. The clot may form in a narrowed artery or "
                    "travel from the heart, as can happen with atrial fibrillation\n"
                    "- **Hemorrhagic stroke** occurs when a blood vessel breaks and bleeds into or "
                    "around the brain\n\n"
                    "A **transient ischemic attack (TIA)** causes stroke-like symptoms that go "
                    "away, usually within an hour. It is a warning that a stroke may follow and "
                    "needs urgent evaluation.\n\n"
                    "The main risk factors are high blood pressure, smoking, diabetes, high "
                    "cholesterol, atrial fibrillation, and older age."
                ),
            ),
            (
                "Symptoms",
                (
                    "Remember **BE FAST**:\n\n"
                    "- **Balance:** sudden loss of balance or coordination\n"
                    "- **Eyes:** sudden loss of vision or double vision\n"
                    "- **Face:** one side of the face droops\n"
                    "- **Arm:** weakness or numbness in one arm or leg\n"
                    "- **Speech:** slurred or confused speech\n"
                    "- **Time:** call 911 or your local emergency number immediately\n\n"
                    "A sudden, severe headache unlike any you have had before can be a sign of a "
                    "bleeding stroke."
                ),
            ),
            (
                "Treatment",
                (
                    "In the hospital, a brain scan shows whether the stroke is caused by a clot or "
                    "by bleeding. For an ischemic stroke, a clot-dissolving medicine given into a "
                    "vein within a few hours of onset, or a procedure to pull out the clot through "
                    "a catheter, can restore blood flow. This is why it matters to note the time "
                    "symptoms started.\n\n"
                    "After an ischemic stroke, most people take an antiplatelet medicine such as "
                    "aspirin, along with a statin and blood pressure medicine. If atrial "
                    "fibrillation caused the stroke, an anticoagulant is usually used instead, and "
                    "the care team decides when it is safe to start. Hemorrhagic strokes are "
                    "treated by lowering blood pressure, reversing any blood thinners, and "
                    "sometimes surgery."
                ),
            ),
            (
                "Outlook (Prognosis)",
                (
                    "Recovery varies a great deal. The biggest gains usually come in the first few "
                    "months, but progress can continue for much longer. Rehabilitation with "
                    "physical, occupational, and speech therapy helps people regain skills. "
                    "Depression is common after a stroke and can be treated."
                ),
            ),
            (
                "Prevention",
                (
                    "Many strokes can be prevented. Control your blood pressure, take medicines as "
                    "prescribed, stop smoking, stay active, and eat a heart-healthy diet. If you "
                    "have atrial fibrillation, ask whether a blood thinner is right for you. The "
                    "[American Stroke Association](https://www.stroke.org) has more resources."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Stroke Association. About stroke. Patient and public information. "
                    "Available at: www.stroke.org."
                ),
                "url": "https://www.stroke.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Neurological Disorders and Stroke. Stroke. Patient and "
                    "public information. Available at: www.ninds.nih.gov."
                ),
                "url": "https://www.ninds.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Stroke. Patient and public "
                    "information. Available at: www.cdc.gov."
                ),
                "url": "https://www.cdc.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Marlow JT, Osei A, Lindqvist P. Extended-interval anticoagulant dosing in "
                    "older adults: a multicentre cohort. J Demo Clin Med. 2021;14(3):211-219."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2021.0142",
                "doi": "10.5555/stet.demo.2021.0142",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Migraine",
        "specialty": "Neurology",
        "topics": [],
        "summary": (
            "Migraine is a common neurological condition that causes repeated attacks of moderate "
            "to severe headache, often with nausea and sensitivity to light and sound. An attack "
            "can last from a few hours to a few days. There are treatments both to stop attacks "
            "and to make them less frequent."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Migraine runs in families and involves changes in how the brain handles "
                    "incoming signals, along with the release of inflammatory substances around "
                    "nerves and blood vessels in the head. Common triggers include too little "
                    "sleep, skipped meals, stress, hormonal shifts around menstrual periods, "
                    "alcohol, strong smells, and bright or flickering light. Triggers differ from "
                    "person to person."
                ),
            ),
            (
                "Symptoms",
                (
                    "- Throbbing or pulsing pain, often on one side of the head\n"
                    "- Pain that gets worse with routine physical activity\n"
                    "- Nausea or vomiting\n"
                    "- Sensitivity to light, sound, or smells\n\n"
                    "Some people have an **aura** before or during the headache. This is a "
                    "temporary change such as zigzag lines or blind spots in vision, or tingling "
                    "that spreads along one side of the body."
                ),
            ),
            (
                "Treatment",
                (
                    "**For attacks:** take medicine early, at the first sign of pain. Options "
                    "include NSAIDs, acetaminophen, triptans, and newer medicines called gepants "
                    "and ditans. Resting in a dark, quiet room helps. Taking pain relievers on "
                    "more than 10 to 15 days a month can lead to medication-overuse headache.\n\n"
                    "**For prevention:** if attacks are frequent or disabling, daily medicines "
                    "such as certain blood pressure drugs, antidepressants, or anti-seizure drugs "
                    "can reduce them. Injections that block a protein called CGRP, given monthly "
                    "or every 3 months, and onabotulinumtoxinA (Botox) injections for chronic "
                    "migraine are other options. A headache diary helps track triggers and how "
                    "well treatment is working."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Get emergency care for the worst headache of your life, a headache that "
                    "reaches full strength within a minute, a headache with fever and a stiff "
                    "neck, or a headache with weakness, confusion, or trouble speaking. See your "
                    "provider if your usual headache pattern changes or if headaches begin after "
                    "age 50."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Migraine Foundation. Understanding migraine. Patient and public "
                    "information. Available at: americanmigrainefoundation.org."
                ),
                "url": "https://americanmigrainefoundation.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Neurological Disorders and Stroke. Migraine. Patient "
                    "and public information. Available at: www.ninds.nih.gov."
                ),
                "url": "https://www.ninds.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Neurology. Migraine. Patient and public information. "
                    "Available at: www.aan.com."
                ),
                "url": "https://www.aan.com/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Bell palsy",
        "specialty": "Neurology",
        "topics": [],
        "summary": (
            "Bell palsy is sudden weakness or paralysis of the muscles on one side of the face. It "
            "is caused by swelling of the facial nerve. Most people recover fully, usually within "
            "a few weeks to a few months."
        ),
        "sections": [
            (
                "Causes",
                (
                    "The facial nerve passes through a narrow channel of bone on its way to the "
                    "face. When the nerve swells, it is squeezed and stops working properly. The "
                    "exact cause is often unclear, but a viral infection, such as the virus that "
                    "causes cold sores, is thought to play a role. Bell palsy is more common "
                    "during pregnancy and in people with diabetes."
                ),
            ),
            (
                "Symptoms",
                (
                    "Symptoms come on quickly, over a day or two:\n\n"
                    "- Drooping of one side of the face, including the mouth and forehead\n"
                    "- Trouble closing the eye on that side\n"
                    "- Drooling, or difficulty keeping food and drink in the mouth\n"
                    "- Changes in taste\n"
                    "- Sounds seeming louder on the affected side\n"
                    "- Pain behind the ear\n\n"
                    "A stroke can also cause face drooping. **Get emergency care** if the arm or "
                    "leg is weak, or if there is confusion, trouble speaking, or a change in "
                    "vision."
                ),
            ),
            (
                "Treatment",
                (
                    "Corticosteroid pills such as prednisone, started within 3 days of the first "
                    "symptoms, improve the chance of a full recovery. An antiviral medicine is "
                    "sometimes added.\n\n"
                    "Protecting the eye is very important. Use lubricating eye drops during the "
                    "day and an eye ointment at night, and tape the eye shut or wear a patch for "
                    "sleep if it does not close fully."
                ),
            ),
            (
                "Outlook (Prognosis)",
                (
                    "Most people start to improve within 2 to 3 weeks, and most recover completely "
                    "within 3 to 6 months. A small number are left with lasting weakness or with "
                    "unintended movements of the face. Physical therapy and facial exercises may "
                    "help during recovery."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Institute of Neurological Disorders and Stroke. Bell's palsy. "
                    "Patient and public information. Available at: www.ninds.nih.gov."
                ),
                "url": "https://www.ninds.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Neurology. Bell's palsy. Patient and public information. "
                    "Available at: www.aan.com."
                ),
                "url": "https://www.aan.com/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Family Physicians. familydoctor.org. Bell's palsy. "
                    "Patient and public information. Available at: familydoctor.org."
                ),
                "url": "https://familydoctor.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Restless legs syndrome",
        "specialty": "Neurology",
        "topics": [],
        "summary": (
            "Restless legs syndrome (RLS) causes an uncomfortable urge to move the legs, usually "
            "in the evening or at night. Moving brings relief for a while. RLS can disrupt sleep, "
            "but several treatments help."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Often no cause is found, and RLS frequently runs in families. It may be "
                    "linked to the way the brain uses the chemical messenger dopamine. Low iron "
                    "stores are a common and treatable contributor. RLS is also more common during "
                    "pregnancy and in people with kidney failure or nerve damage. Some medicines, "
                    "including certain antihistamines, antidepressants, and anti-nausea drugs, can "
                    "make it worse."
                ),
            ),
            (
                "Symptoms",
                (
                    "People describe creeping, crawling, pulling, itching, or aching feelings deep "
                    "in the legs. The symptoms:\n\n"
                    "- Start or get worse during rest, such as sitting in a car or lying in bed\n"
                    "- Ease with walking or stretching\n"
                    "- Are worse in the evening and at night\n\n"
                    "Many people with RLS also have jerking leg movements during sleep."
                ),
            ),
            (
                "Treatment",
                (
                    "- Have your iron levels checked; iron pills or an iron infusion help if your "
                    "stores are low\n"
                    "- Keep a regular sleep schedule\n"
                    "- Cut back on caffeine, alcohol, and nicotine\n"
                    "- Try walking, stretching, a warm bath, or a leg massage in the evening\n\n"
                    "For frequent symptoms, medicines such as gabapentin or pregabalin are often "
                    "used. Medicines that act like dopamine can work, but over time they may make "
                    "symptoms stronger or start earlier in the day (augmentation), so they are "
                    "used with care."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Institute of Neurological Disorders and Stroke. Restless legs "
                    "syndrome. Patient and public information. Available at: www.ninds.nih.gov."
                ),
                "url": "https://www.ninds.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Sleep Medicine. Sleep Education. Restless legs syndrome. "
                    "Patient and public information. Available at: sleepeducation.org."
                ),
                "url": "https://sleepeducation.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Neurology. Restless legs syndrome. Patient and public "
                    "information. Available at: www.aan.com."
                ),
                "url": "https://www.aan.com/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Asthma",
        "specialty": "Pulmonology",
        "topics": ["Allergies"],
        "summary": (
            "Asthma is a long-term condition in which the airways of the lungs become inflamed and "
            "narrow, making it hard to breathe at times. It often begins in childhood but can "
            "start at any age. With the right plan, most people with asthma can be fully active."
        ),
        "sections": [
            (
                "Causes",
                (
                    "People with asthma have sensitive airways that react to triggers by swelling, "
                    "tightening, and making extra mucus. Common triggers include:\n\n"
                    "- Colds and other respiratory infections\n"
                    "- Allergens such as pollen, dust mites, mold, and pet dander\n"
                    "- Tobacco smoke and air pollution\n"
                    "- Cold air and exercise\n"
                    "- Strong odors or fumes\n\n"
                    "Asthma often occurs in people who have allergies or eczema and tends to run "
                    "in families."
                ),
            ),
            (
                "Symptoms",
                (
                    "- Wheezing, a whistling sound when breathing out\n"
                    "- Coughing, often at night or early in the morning\n"
                    "- Chest tightness\n"
                    "- Shortness of breath\n\n"
                    "Symptoms may be mild and occasional or frequent and severe, and they can "
                    "change over time."
                ),
            ),
            (
                "Treatment",
                (
                    "Your provider will work with you on a written **asthma action plan** that "
                    "explains your daily medicines and what to do when symptoms get worse.\n\n"
                    "- **Controller medicines**, mainly inhaled corticosteroids, calm airway "
                    "inflammation and prevent attacks when used as prescribed\n"
                    "- **Quick-relief medicines**, such as albuterol, open the airways within "
                    "minutes\n"
                    "- Some people use a single inhaler that combines a corticosteroid with "
                    "formoterol for both daily control and quick relief\n"
                    "- Biologic injections may help people with severe asthma\n\n"
                    "Good inhaler technique matters, so ask your provider or pharmacist to check "
                    "yours. A yearly flu vaccine is recommended."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Seek emergency care if you are struggling to breathe, your lips or "
                    "fingernails look blue or gray, you cannot speak in full sentences, or your "
                    "quick-relief inhaler is not helping. See your provider if you need your "
                    "quick-relief inhaler more than twice a week or if symptoms wake you at night."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Lung Association. Asthma. Patient and public information. Available "
                    "at: www.lung.org."
                ),
                "url": "https://www.lung.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Global Initiative for Asthma (GINA). Global strategy for asthma management "
                    "and prevention. Available at: ginasthma.org."
                ),
                "url": "https://ginasthma.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Heart, Lung, and Blood Institute. Asthma. Patient and public "
                    "information. Available at: www.nhlbi.nih.gov."
                ),
                "url": "https://www.nhlbi.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Allergy, Asthma and Immunology. Asthma. Patient and "
                    "public information. Available at: www.aaaai.org."
                ),
                "url": "https://www.aaaai.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Chronic obstructive pulmonary disease",
        "specialty": "Pulmonology",
        "topics": ["Smoking"],
        "summary": (
            "Chronic obstructive pulmonary disease (COPD) is a long-term lung disease that makes "
            "it hard to move air out of the lungs. It includes emphysema and chronic bronchitis. "
            "COPD cannot be cured, but treatment can ease breathing and slow its progress."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Cigarette smoking is the leading cause. Other causes include long-term "
                    "exposure to secondhand smoke, air pollution, dust and chemical fumes at work, "
                    "and smoke from burning wood or other fuels for cooking and heating. An "
                    "inherited condition called alpha-1 antitrypsin deficiency causes COPD in some "
                    "people, sometimes at a young age."
                ),
            ),
            (
                "Symptoms",
                (
                    "- Shortness of breath, especially with activity\n"
                    "- A cough that lasts for months, often with mucus\n"
                    "- Wheezing or chest tightness\n"
                    "- Frequent chest infections\n\n"
                    "Symptoms can suddenly get worse for days or weeks. This is called a flare-up, "
                    "or exacerbation."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "**Spirometry**, a breathing test in which you blow hard into a tube, confirms "
                    "COPD by showing that airflow stays limited even after an inhaled medicine. A "
                    "chest x-ray or CT scan and blood oxygen tests may also be done."
                ),
            ),
            (
                "Treatment",
                (
                    "**Stopping smoking** is the single most effective step at any stage.\n\n"
                    "- Inhaled bronchodilators (long-acting beta agonists and long-acting "
                    "muscarinic antagonists) relax the airways, and many people use both\n"
                    "- Inhaled corticosteroids are added for some people who have frequent "
                    "flare-ups\n"
                    "- Pulmonary rehabilitation teaches breathing techniques and builds exercise "
                    "capacity\n"
                    "- Oxygen therapy helps people whose blood oxygen is low\n"
                    "- Vaccines against flu, COVID-19, pneumococcus, RSV, and whooping cough lower "
                    "the risk of serious infections\n\n"
                    "Agree on a plan with your provider for flare-ups. It may include steroid "
                    "pills and, if there are signs of infection, antibiotics."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Global Initiative for Chronic Obstructive Lung Disease (GOLD). Global "
                    "strategy for the diagnosis, management, and prevention of chronic obstructive "
                    "pulmonary disease. Available at: goldcopd.org."
                ),
                "url": "https://goldcopd.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Lung Association. COPD. Patient and public information. Available "
                    "at: www.lung.org."
                ),
                "url": "https://www.lung.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Heart, Lung, and Blood Institute. COPD. Patient and public "
                    "information. Available at: www.nhlbi.nih.gov."
                ),
                "url": "https://www.nhlbi.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Goldman L, Cooney KA, eds. Goldman-Cecil Medicine. 27th ed. Philadelphia, PA: "
                    "Elsevier; 2024."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Pulmonary embolism",
        "specialty": "Pulmonology",
        "topics": ["Anticoagulants"],
        "summary": (
            "A pulmonary embolism (PE) is a blockage in an artery of the lungs, usually caused by "
            "a blood clot that has traveled from a deep vein in the leg. It can be "
            "life-threatening, but prompt treatment greatly improves the outcome."
        ),
        "sections": [
            (
                "Symptoms",
                (
                    "- Sudden shortness of breath\n"
                    "- Sharp chest pain that is worse with a deep breath or a cough\n"
                    "- A fast heartbeat\n"
                    "- Coughing up blood\n"
                    "- Lightheadedness or fainting\n"
                    "- Swelling or pain in one leg\n\n"
                    "**Call 911 or your local emergency number** if you have these symptoms."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "A **CT pulmonary angiogram**, a scan taken after dye is injected into a vein, "
                    "is the most common test. A ventilation-perfusion (V/Q) scan is used for some "
                    "people, such as those who cannot have the dye. Blood tests including D-dimer, "
                    "an ECG, a leg ultrasound, and an ultrasound of the heart help show the size "
                    "of the clot and any strain on the heart."
                ),
            ),
            (
                "Treatment",
                (
                    "Anticoagulants are the main treatment. They stop the clot from growing and "
                    "new clots from forming while the body clears the existing one. Many people "
                    "start with a pill such as apixaban or rivaroxaban, or with heparin "
                    "injections, and continue for at least 3 months. Some people with a low-risk "
                    "PE can be treated at home.\n\n"
                    "For a large PE that strains the heart or lowers blood pressure, a "
                    "clot-dissolving medicine or a catheter procedure to remove the clot may be "
                    "needed. A filter placed in the large vein of the belly is occasionally used "
                    "for people who cannot take blood thinners."
                ),
            ),
            (
                "Possible Complications",
                (
                    "Most people recover well. Some have shortness of breath that lingers, and a "
                    "small number develop high blood pressure in the lungs caused by scarring of "
                    "the arteries (chronic thromboembolic pulmonary hypertension). Tell your "
                    "provider if your breathing does not improve in the months after treatment. "
                    "Bleeding is the main risk of anticoagulation."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "National Heart, Lung, and Blood Institute. Venous thromboembolism. Patient "
                    "and public information. Available at: www.nhlbi.nih.gov."
                ),
                "url": "https://www.nhlbi.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Lung Association. Pulmonary embolism. Patient and public "
                    "information. Available at: www.lung.org."
                ),
                "url": "https://www.lung.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Society of Hematology. Blood clots. Patient and public information. "
                    "Available at: www.hematology.org."
                ),
                "url": "https://www.hematology.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Marlow JT, Osei A, Lindqvist P. Extended-interval anticoagulant dosing in "
                    "older adults: a multicentre cohort. J Demo Clin Med. 2021;14(3):211-219."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2021.0142",
                "doi": "10.5555/stet.demo.2021.0142",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Community-acquired pneumonia",
        "specialty": "Pulmonology",
        "topics": ["Antibiotics"],
        "summary": (
            "Community-acquired pneumonia is a lung infection that develops in people who are not "
            "in a hospital or care facility. It causes cough, fever, and trouble breathing. Most "
            "healthy adults recover at home, but pneumonia can be serious for young children, "
            "older adults, and people with other health problems."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Many germs can cause pneumonia. The bacterium *Streptococcus pneumoniae* "
                    "(pneumococcus) is a common cause in adults. Viruses such as influenza, RSV, "
                    "and the virus that causes COVID-19 are also frequent causes, and sometimes a "
                    "bacterial infection follows a viral one. Smoking, COPD, heart disease, "
                    "diabetes, and a weakened immune system raise the risk."
                ),
            ),
            (
                "Symptoms",
                (
                    "- Cough, which may bring up yellow, green, or rust-colored mucus\n"
                    "- Fever, chills, and sweating\n"
                    "- Shortness of breath or fast breathing\n"
                    "- Sharp chest pain when breathing in deeply\n"
                    "- Tiredness and loss of appetite\n\n"
                    "Older adults may have fewer of these symptoms and instead become newly "
                    "confused or have a low body temperature."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Your provider listens to your lungs and checks your oxygen level with a "
                    "sensor clipped on your finger. A chest x-ray confirms pneumonia. Blood tests, "
                    "sputum tests, or tests for influenza and COVID-19 may be done, especially if "
                    "you are sick enough to need the hospital."
                ),
            ),
            (
                "Treatment",
                (
                    "Bacterial pneumonia is treated with **antibiotics**. The choice depends on "
                    "your age, other illnesses, and any recent antibiotic use. Most healthy adults "
                    "treated at home need about 5 days of antibiotics, as long as they are "
                    "improving. Take the full course as prescribed. Antibiotics do not work "
                    "against viruses, but an antiviral medicine may help if influenza is the "
                    "cause.\n\n"
                    "Rest, drink fluids, and use acetaminophen or ibuprofen for fever. People with "
                    "low oxygen, confusion, low blood pressure, or serious other conditions are "
                    "treated in the hospital. Cough and tiredness can last several weeks after the "
                    "infection clears. Contact your provider if you are not getting better within "
                    "2 to 3 days of starting treatment."
                ),
            ),
            (
                "Prevention",
                (
                    "- Ask whether you should have a pneumococcal vaccine; it is recommended for "
                    "older adults and for people with certain long-term health conditions\n"
                    "- Get flu and COVID-19 vaccines as recommended\n"
                    "- Do not smoke\n"
                    "- Wash your hands often\n\n"
                    "See the [CDC](https://www.cdc.gov/vaccines/) for current vaccine schedules."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Thoracic Society. Pneumonia. Patient and public information. "
                    "Available at: www.thoracic.org."
                ),
                "url": "https://www.thoracic.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Infectious Diseases Society of America. Community-acquired pneumonia. Patient "
                    "and public information. Available at: www.idsociety.org."
                ),
                "url": "https://www.idsociety.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Lung Association. Pneumonia. Patient and public information. "
                    "Available at: www.lung.org."
                ),
                "url": "https://www.lung.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Bennett JE, Dolin R, Blaser MJ, eds. Mandell, Douglas, and Bennett's "
                    "Principles and Practice of Infectious Diseases. 9th ed. Philadelphia, PA: "
                    "Elsevier; 2020."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Varga E, Holloway DM, Quispe L. Shorter antibiotic courses for common skin, "
                    "chest, and urinary infections: a pooled analysis. J Demo Clin Med. "
                    "2022;15(1):34-45."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2022.0019",
                "doi": "10.5555/stet.demo.2022.0019",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Influenza",
        "specialty": "Infectious Disease",
        "topics": ["Vaccines"],
        "summary": (
            "Influenza (flu) is a contagious respiratory illness caused by influenza viruses. It "
            "usually comes on suddenly with fever, aches, and cough. Most people recover within "
            "one to two weeks, but flu can cause serious illness, especially in older adults, "
            "young children, pregnant people, and people with long-term health conditions."
        ),
        "sections": [
            (
                "Symptoms",
                (
                    "- Fever or feeling feverish, with chills\n"
                    "- Cough and sore throat\n"
                    "- Runny or stuffy nose\n"
                    "- Muscle or body aches and headache\n"
                    "- Marked tiredness\n\n"
                    "Some people, especially children, also have vomiting or diarrhea. Flu "
                    "symptoms tend to start more abruptly than those of a common cold."
                ),
            ),
            (
                "Treatment",
                (
                    "Rest, fluids, and fever reducers help most people feel better. Antiviral "
                    "medicines such as oseltamivir or baloxavir can shorten the illness and lower "
                    "the risk of complications. They work best when started within 2 days of the "
                    "first symptoms, but people who are very sick or at high risk may benefit even "
                    "when treatment starts later. Antibiotics do not treat flu."
                ),
            ),
            (
                "Prevention",
                (
                    "A **yearly flu vaccine** is recommended for everyone 6 months and older. The "
                    "vaccine is updated each season to match the viruses expected to circulate. "
                    "Getting vaccinated during pregnancy also protects the baby during the first "
                    "months after birth.\n\n"
                    "Cover coughs and sneezes, wash your hands often, and stay home while you are "
                    "sick to protect others."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Seek urgent care for trouble breathing, chest pain, confusion, severe "
                    "weakness, or bluish lips, or if symptoms improve and then return with fever "
                    "and a worse cough. In children, watch for fast breathing, signs of "
                    "dehydration, or not waking up or interacting normally."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Influenza (flu). Patient and "
                    "public information. Available at: www.cdc.gov/flu."
                ),
                "url": "https://www.cdc.gov/flu/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "World Health Organization. Influenza. Patient and public information. "
                    "Available at: www.who.int."
                ),
                "url": "https://www.who.int/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Infectious Diseases Society of America. Influenza. Patient and public "
                    "information. Available at: www.idsociety.org."
                ),
                "url": "https://www.idsociety.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Lyme disease",
        "specialty": "Infectious Disease",
        "topics": ["Antibiotics"],
        "summary": (
            "Lyme disease is a bacterial infection spread by the bite of an infected blacklegged "
            "tick, also called a deer tick. In the United States it is most common in the "
            "Northeast, the mid-Atlantic states, and the upper Midwest. Early treatment with "
            "antibiotics usually cures it."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Lyme disease is caused mainly by the bacterium *Borrelia burgdorferi*. Ticks "
                    "pick up the bacteria by feeding on infected mice and other small animals. In "
                    "most cases a tick must stay attached for 36 hours or more to pass on the "
                    "infection, so removing ticks promptly greatly lowers the risk. Young ticks "
                    "(nymphs) are tiny and easy to miss."
                ),
            ),
            (
                "Symptoms",
                (
                    "**Early signs**, 3 to 30 days after a bite:\n\n"
                    "- An expanding rash at the bite site (erythema migrans), which may look red, "
                    "pink, or darker than the surrounding skin and sometimes clears in the center; "
                    "it can be harder to see on darker skin\n"
                    "- Fever, chills, tiredness, headache, and muscle or joint aches\n\n"
                    "**Later signs** if untreated, days to months later:\n\n"
                    "- More rashes on other parts of the body\n"
                    "- Drooping of one side of the face (facial palsy)\n"
                    "- Heart rhythm problems\n"
                    "- Bouts of joint pain and swelling, often in the knee"
                ),
            ),
            (
                "Treatment",
                (
                    "Doxycycline is the usual antibiotic for both adults and children. Amoxicillin "
                    "or cefuroxime are alternatives. Early Lyme disease is typically treated for "
                    "10 to 14 days, depending on the medicine. Later forms may need a longer "
                    "course or antibiotics given into a vein. Some people have tiredness or aches "
                    "for months after treatment, which usually improve with time."
                ),
            ),
            (
                "Prevention",
                (
                    "- Use an insect repellent containing DEET, picaridin, or oil of lemon "
                    "eucalyptus, and treat clothing with permethrin\n"
                    "- Walk in the center of trails and avoid tall grass and leaf litter\n"
                    "- Check your body, your children, and your pets for ticks after being "
                    "outdoors, and shower soon after\n"
                    "- Remove ticks with fine-tipped tweezers, grasping close to the skin and "
                    "pulling straight up\n\n"
                    "In areas where Lyme disease is common, a single dose of doxycycline after a "
                    "high-risk bite may be recommended; ask your provider. The "
                    "[CDC](https://www.cdc.gov/lyme/) has maps and prevention tips."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Lyme disease. Patient and public "
                    "information. Available at: www.cdc.gov/lyme."
                ),
                "url": "https://www.cdc.gov/lyme/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Infectious Diseases Society of America. Lyme disease. Patient and public "
                    "information. Available at: www.idsociety.org."
                ),
                "url": "https://www.idsociety.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Bennett JE, Dolin R, Blaser MJ, eds. Mandell, Douglas, and Bennett's "
                    "Principles and Practice of Infectious Diseases. 9th ed. Philadelphia, PA: "
                    "Elsevier; 2020."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Shingles",
        "specialty": "Infectious Disease",
        "topics": ["Vaccines"],
        "summary": (
            "Shingles is a painful, blistering rash caused when the chickenpox virus "
            "(varicella-zoster virus) becomes active again. Anyone who has had chickenpox can get "
            "shingles, and the risk rises with age. A highly effective vaccine is available for "
            "adults 50 and older."
        ),
        "sections": [
            (
                "Causes",
                (
                    "After chickenpox, the virus stays inactive in nerve cells near the spinal "
                    "cord and brain. Years later it can wake up and travel along a nerve to the "
                    "skin. This is more likely with older age, stress, or an immune system "
                    "weakened by illness or medicines."
                ),
            ),
            (
                "Symptoms",
                (
                    "Shingles often starts with burning, tingling, or itching on one side of the "
                    "body. A few days later, a rash of fluid-filled blisters appears in a band or "
                    "patch, most often on the chest, back, or face. The blisters crust over in 7 "
                    "to 10 days. Some people also have fever, headache, or tiredness."
                ),
            ),
            (
                "Treatment",
                (
                    "Antiviral medicines such as valacyclovir, famciclovir, or acyclovir work best "
                    "when started within 3 days of the rash appearing. Pain relievers, cool "
                    "compresses, and calamine lotion can ease discomfort. Keep the rash covered. A "
                    "person with shingles can pass the virus to someone who has never had "
                    "chickenpox or the chickenpox vaccine, and that person may then develop "
                    "chickenpox."
                ),
            ),
            (
                "Possible Complications",
                (
                    "- **Postherpetic neuralgia**, nerve pain that lasts for months or years after "
                    "the rash heals, especially in older adults\n"
                    "- Eye damage if the rash involves the forehead, eyelid, or tip of the nose; "
                    "get care promptly\n"
                    "- Bacterial infection of the skin\n"
                    "- Rarely, hearing loss, facial weakness, or inflammation of the brain"
                ),
            ),
            (
                "Prevention",
                (
                    "The recombinant shingles vaccine is given as 2 doses to adults 50 and older, "
                    "and to adults 19 and older whose immune systems are weakened. You can get it "
                    "even if you have had shingles before. Learn more from the "
                    "[CDC](https://www.cdc.gov/shingles/)."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Shingles (herpes zoster). Patient "
                    "and public information. Available at: www.cdc.gov/shingles."
                ),
                "url": "https://www.cdc.gov/shingles/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute on Aging. Shingles. Patient and public information. "
                    "Available at: www.nia.nih.gov."
                ),
                "url": "https://www.nia.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Dermatology. Shingles. Patient and public information. "
                    "Available at: www.aad.org."
                ),
                "url": "https://www.aad.org/",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Urinary tract infection",
        "specialty": "Infectious Disease",
        "topics": ["Antibiotics"],
        "summary": (
            "A urinary tract infection (UTI) is an infection anywhere in the urinary system, most "
            "often the bladder. UTIs are very common, especially in women. They usually clear "
            "quickly with antibiotics."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Most UTIs happen when bacteria from the bowel, usually *E. coli*, enter the "
                    "urethra and travel up into the bladder. Women have a shorter urethra, which "
                    "makes this easier. The risk also rises with sexual activity, use of "
                    "spermicides, menopause, pregnancy, kidney stones, an enlarged prostate, and "
                    "urinary catheters."
                ),
            ),
            (
                "Symptoms",
                (
                    "A bladder infection (cystitis) can cause:\n\n"
                    "- Burning or pain when urinating\n"
                    "- A strong, frequent urge to urinate while passing only small amounts\n"
                    "- Cloudy, strong-smelling, or bloody urine\n"
                    "- Pressure in the lower belly\n\n"
                    "Fever, chills, nausea, or pain in the back or side can mean the infection has "
                    "reached the kidneys. **Contact your provider promptly** if you have these "
                    "symptoms. Older adults may show only confusion or weakness."
                ),
            ),
            (
                "Treatment",
                (
                    "An uncomplicated bladder infection is treated with a short course of "
                    "antibiotics, from a single dose to about 5 days depending on the medicine. "
                    "Common choices are nitrofurantoin, trimethoprim-sulfamethoxazole, and "
                    "fosfomycin, chosen partly on the basis of local resistance patterns. Kidney "
                    "infections, infections in men, and UTIs during pregnancy need longer or "
                    "different treatment. A urine culture helps pick the right antibiotic when "
                    "infections keep coming back."
                ),
            ),
            (
                "Prevention",
                (
                    "- Drink enough fluids to urinate regularly\n"
                    "- Urinate soon after sex\n"
                    "- Wipe from front to back\n"
                    "- Avoid spermicides if you get UTIs often\n\n"
                    "For frequent infections, your provider may discuss vaginal estrogen after "
                    "menopause or a low-dose antibiotic taken to prevent infection."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Infectious Diseases Society of America. Urinary tract infections. Patient and "
                    "public information. Available at: www.idsociety.org."
                ),
                "url": "https://www.idsociety.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "National Institute of Diabetes and Digestive and Kidney Diseases. Bladder "
                    "infection (urinary tract infection) in adults. Patient and public "
                    "information. Available at: www.niddk.nih.gov."
                ),
                "url": "https://www.niddk.nih.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Urology Care Foundation. Urinary tract infections. Patient and public "
                    "information. Available at: www.urologyhealth.org."
                ),
                "url": "https://www.urologyhealth.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Varga E, Holloway DM, Quispe L. Shorter antibiotic courses for common skin, "
                    "chest, and urinary infections: a pooled analysis. J Demo Clin Med. "
                    "2022;15(1):34-45."
                ),
                "url": "https://doi.org/10.5555/stet.demo.2022.0019",
                "doi": "10.5555/stet.demo.2022.0019",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Measles",
        "specialty": "Pediatrics",
        "topics": ["Vaccines"],
        "summary": (
            "Measles is a highly contagious viral illness that causes fever, cough, red eyes, and "
            "a rash that spreads over the body. It can lead to pneumonia, swelling of the brain, "
            "and death, especially in young children. Two doses of the MMR vaccine give strong, "
            "long-lasting protection."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Measles is caused by the measles virus, which spreads through the air when an "
                    "infected person coughs, sneezes, or breathes. The virus can linger in a room "
                    "for up to 2 hours after that person has left. Up to 9 in 10 people who are "
                    "not immune will catch it after close contact. People are contagious from "
                    "about 4 days before the rash appears until 4 days after."
                ),
            ),
            (
                "Symptoms",
                (
                    "Symptoms begin 7 to 14 days after exposure:\n\n"
                    "- High fever\n"
                    "- Cough, runny nose, and red, watery eyes\n"
                    "- Tiny white spots inside the cheeks (Koplik spots) a few days later\n"
                    "- A rash of flat red spots that starts on the face at the hairline and "
                    "spreads downward, 3 to 5 days after the first symptoms\n\n"
                    "On darker skin, the rash can be harder to see and may look darker than the "
                    "surrounding skin rather than red."
                ),
            ),
            (
                "Treatment",
                (
                    "There is no specific antiviral medicine for measles. Care focuses on rest, "
                    "fluids, and fever control. Children with measles should receive **vitamin A** "
                    "as directed by a provider, because it lowers the risk of severe illness. "
                    "Complications are treated in the hospital.\n\n"
                    "A person who is exposed and not immune may still be protected by an MMR "
                    "vaccine given within 72 hours, or by immune globulin given within 6 days."
                ),
            ),
            (
                "Possible Complications",
                (
                    "- Ear infections and diarrhea\n"
                    "- Pneumonia, the most common cause of death from measles in young children\n"
                    "- Encephalitis (swelling of the brain), which can cause lasting disability\n"
                    "- Subacute sclerosing panencephalitis, a rare and fatal brain disease that "
                    "appears years later\n\n"
                    "Measles also weakens the immune system for months afterward, leaving children "
                    "more open to other infections."
                ),
            ),
            (
                "Prevention",
                (
                    "The MMR vaccine protects against measles, mumps, and rubella. Children get 2 "
                    "doses, the first at 12 to 15 months and the second at 4 to 6 years. Two doses "
                    "are about 97% effective at preventing measles. Infants 6 to 11 months old "
                    "should get an early dose before international travel. See the [CDC measles "
                    "page](https://www.cdc.gov/measles/) for details."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "If you think you or your child has measles, **call before visiting** a clinic "
                    "or emergency department so staff can keep others from being exposed. Seek "
                    "urgent care for trouble breathing, unusual drowsiness, seizures, or signs of "
                    "dehydration."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Measles (rubeola). Patient and "
                    "public information. Available at: www.cdc.gov/measles."
                ),
                "url": "https://www.cdc.gov/measles/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "World Health Organization. Measles. Patient and public information. Available "
                    "at: www.who.int."
                ),
                "url": "https://www.who.int/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Pediatrics. HealthyChildren.org. Measles. Patient and "
                    "public information. Available at: www.healthychildren.org."
                ),
                "url": "https://www.healthychildren.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Kliegman RM, St. Geme JW, Blum NJ, Shah SS, Tasker RC, Wilson KM, eds. Nelson "
                    "Textbook of Pediatrics. 21st ed. Philadelphia, PA: Elsevier; 2020."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Whooping cough",
        "specialty": "Pediatrics",
        "topics": ["Vaccines", "Pregnancy"],
        "summary": (
            "Whooping cough (pertussis) is a bacterial infection of the airways that causes severe "
            "coughing fits. It can be life-threatening for babies, who may stop breathing rather "
            "than cough. Vaccination during pregnancy and throughout childhood is the best "
            "protection."
        ),
        "sections": [
            (
                "Symptoms",
                (
                    "It often begins like a common cold, with a runny nose, a mild cough, and a "
                    "low fever. After 1 to 2 weeks, the cough turns into fits of rapid, violent "
                    "coughing. A fit may end with a high-pitched 'whoop' as the person gasps for "
                    "air, or with vomiting and exhaustion. The cough can last for weeks to "
                    "months.\n\n"
                    "Infants may have pauses in breathing (apnea) or turn blue or gray, with "
                    "little or no cough. Babies with these signs need emergency care."
                ),
            ),
            (
                "Treatment",
                (
                    "Antibiotics such as azithromycin are given to the sick person and often to "
                    "close contacts. Started early, they can make symptoms milder. Started later, "
                    "they mainly stop the infection from spreading to others. Infants often need "
                    "care in the hospital. Cough medicines do not help much."
                ),
            ),
            (
                "Prevention",
                (
                    "- **Children:** 5 doses of DTaP vaccine, at 2, 4, and 6 months, at 15 to 18 "
                    "months, and at 4 to 6 years\n"
                    "- **Preteens:** 1 dose of Tdap at 11 to 12 years\n"
                    "- **Pregnancy:** Tdap during every pregnancy, ideally early in the third "
                    "trimester, to pass protective antibodies to the baby\n"
                    "- **Adults:** 1 dose of Tdap if never received, especially for anyone who "
                    "will be around a baby\n\n"
                    "More information is available from the [CDC](https://www.cdc.gov/pertussis/)."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Whooping cough (pertussis). "
                    "Patient and public information. Available at: www.cdc.gov/pertussis."
                ),
                "url": "https://www.cdc.gov/pertussis/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Pediatrics. HealthyChildren.org. Whooping cough. Patient "
                    "and public information. Available at: www.healthychildren.org."
                ),
                "url": "https://www.healthychildren.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Kliegman RM, St. Geme JW, Blum NJ, Shah SS, Tasker RC, Wilson KM, eds. Nelson "
                    "Textbook of Pediatrics. 21st ed. Philadelphia, PA: Elsevier; 2020."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Croup",
        "specialty": "Pediatrics",
        "topics": [],
        "summary": (
            "Croup is a common childhood infection that causes swelling around the voice box and "
            "windpipe. It produces a distinctive barking cough and sometimes a harsh sound when "
            "breathing in. Most cases are mild and get better within a few days."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Croup is usually caused by viruses, most often parainfluenza virus. It mainly "
                    "affects children between 6 months and 3 years old, whose small airways narrow "
                    "easily when they swell. It is most common in fall and winter."
                ),
            ),
            (
                "Symptoms",
                (
                    "- A loud, barking cough, often compared to the bark of a seal\n"
                    "- A hoarse voice\n"
                    "- **Stridor**, a high-pitched, squeaky sound when breathing in\n"
                    "- Runny nose and low fever\n\n"
                    "Symptoms are often worse at night and usually peak on the second or third "
                    "night."
                ),
            ),
            (
                "Treatment",
                (
                    "Most children can be cared for at home. Keep your child as calm as you can, "
                    "since crying makes breathing harder, and hold and comfort them. Offer fluids, "
                    "and use acetaminophen or ibuprofen for fever or discomfort. Some parents find "
                    "that cool night air or a steamy bathroom seems to help, although studies show "
                    "little benefit from humidified air.\n\n"
                    "A single dose of a corticosteroid such as dexamethasone reduces swelling in "
                    "the airway and is often given by a provider. Children with more severe "
                    "breathing trouble may receive an inhaled medicine called epinephrine and be "
                    "watched in the emergency department or hospital."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Call 911 or go to the emergency department if your child:\n\n"
                    "- Has stridor while resting, not only when upset\n"
                    "- Is struggling to breathe, or the skin pulls in between the ribs with each "
                    "breath\n"
                    "- Has blue or gray lips or skin\n"
                    "- Is drooling or cannot swallow\n"
                    "- Is very sleepy or hard to wake"
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Pediatrics. HealthyChildren.org. Croup. Patient and "
                    "public information. Available at: www.healthychildren.org."
                ),
                "url": "https://www.healthychildren.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "American Academy of Family Physicians. familydoctor.org. Croup. Patient and "
                    "public information. Available at: familydoctor.org."
                ),
                "url": "https://familydoctor.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Kliegman RM, St. Geme JW, Blum NJ, Shah SS, Tasker RC, Wilson KM, eds. Nelson "
                    "Textbook of Pediatrics. 21st ed. Philadelphia, PA: Elsevier; 2020."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
    {
        "title": "Jaundice in newborns",
        "specialty": "Pediatrics",
        "topics": [],
        "summary": (
            "Jaundice is a yellow color of a newborn's skin and the whites of the eyes. It happens "
            "when a substance called bilirubin builds up in the blood. It is very common in the "
            "first week of life and is usually harmless, but high levels need treatment."
        ),
        "sections": [
            (
                "Causes",
                (
                    "Bilirubin is made when the body breaks down old red blood cells. Before "
                    "birth, the placenta removes it. After birth, the baby's liver takes over the "
                    "job, and it can take a few days to catch up. This normal (physiologic) "
                    "jaundice usually appears on the second or third day.\n\n"
                    "Jaundice can be stronger or last longer in babies who are born early, are not "
                    "feeding well, have bruising from birth, or have a blood type that differs "
                    "from the mother's in a way that makes red blood cells break down faster. "
                    "Jaundice in the first 24 hours of life is not typical and needs prompt "
                    "evaluation."
                ),
            ),
            (
                "Exams and Tests",
                (
                    "Newborns are checked for jaundice before leaving the hospital, using a light "
                    "meter held against the skin or a blood test. The result is compared with "
                    "charts based on the baby's age in hours and on risk factors. Many babies need "
                    "a follow-up check within a few days of going home."
                ),
            ),
            (
                "Treatment",
                (
                    "Mild jaundice usually needs nothing more than frequent feeding, which helps "
                    "the baby pass bilirubin in the stool. Breastfed babies should feed 8 to 12 "
                    "times a day in the first days.\n\n"
                    "If levels are high, **phototherapy** is used. The baby lies under special "
                    "blue light that changes bilirubin into a form the body can get rid of more "
                    "easily. Very high levels, which are rare, may need an exchange transfusion. "
                    "Do not put your baby in direct sunlight to treat jaundice at home."
                ),
            ),
            (
                "When to Contact a Medical Professional",
                (
                    "Call your baby's provider if:\n\n"
                    "- Jaundice appears on the first day of life, spreads to the belly or legs, or "
                    "gets deeper in color\n"
                    "- Your baby is hard to wake, feeding poorly, or has fewer wet and dirty "
                    "diapers than expected\n"
                    "- Jaundice lasts more than 2 to 3 weeks\n"
                    "- Stools are pale or chalky, or urine is dark\n\n"
                    "Seek emergency care if your baby has a high-pitched cry, arches the back or "
                    "neck, or is very floppy."
                ),
            ),
        ],
        "references": [
            {
                "citation": (
                    "American Academy of Pediatrics. HealthyChildren.org. Jaundice in newborns. "
                    "Patient and public information. Available at: www.healthychildren.org."
                ),
                "url": "https://www.healthychildren.org/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Centers for Disease Control and Prevention. Jaundice and kernicterus. Patient "
                    "and public information. Available at: www.cdc.gov."
                ),
                "url": "https://www.cdc.gov/",
                "doi": "",
                "pubmed_id": "",
            },
            {
                "citation": (
                    "Kliegman RM, St. Geme JW, Blum NJ, Shah SS, Tasker RC, Wilson KM, eds. Nelson "
                    "Textbook of Pediatrics. 21st ed. Philadelphia, PA: Elsevier; 2020."
                ),
                "url": "",
                "doi": "",
                "pubmed_id": "",
            },
        ],
    },
]
