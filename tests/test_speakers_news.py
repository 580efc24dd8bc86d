"""Speaker resolution on real news writing: general rules of how news names and refers to a speaker (issue 16)."""

from __future__ import annotations

from verify.extract import extract_claims
from verify.extract.people import People
from verify.models import Article, QuoteClaim
from conftest import speakers_of


def test_occupation_opening_a_sentence_is_no_part_of_the_name() -> None:
    text = ("Author Nadia Okafor's new book tells the history of the city's ferry workers.\n\n"
            "“Most of them never had a day off,” says Okafor, a professor at the college.\n\n"
            "Historian Piet Lindqvist agrees. “They built the harbour,” he said.")
    names = [p.name for p in People(text).people]
    assert "Nadia Okafor" in names and "Piet Lindqvist" in names
    speakers = speakers_of(text)
    assert speakers["Most of them"] == "Nadia Okafor"
    assert speakers["They built the"] == "Piet Lindqvist"


def test_a_business_sharing_a_persons_family_name_is_not_the_speaker() -> None:
    text = ("The kennel was designed by Studio Marwick, in Halden. ( Studio Marwick )\n\n"
            "Jo Ellen Marwick, principal architect at the firm, explains the idea.\n\n"
            "“The floor is lined with recycled rubber, which is easy to clean,” says Marwick.")
    assert "Studio Marwick" not in [p.name for p in People(text).people]
    assert speakers_of(text)["The floor is"] == "Jo Ellen Marwick"


def test_a_document_speaks_for_whoever_issued_it() -> None:
    text = ("Three workers with Northgate Railway were hurt on Monday. The Provincial Safety Board has said "
            "brakes were not applied.\n\n"
            "A report by the railway company details how hard it is to run trains in the cold.\n\n"
            "The white paper said cold weakens the seals of the brake hoses on long trains.\n\n"
            "The Ontario Grocers Association said in a statement that fruit juice is a source of vitamins. "
            "The statement also said that removing it could have “serious consequences for children's diets.”")
    speakers = speakers_of(text)
    assert speakers["cold weakens the"] == "Northgate Railway"
    assert speakers["serious consequences for"] == "Ontario Grocers Association"


def test_a_document_on_an_organisations_website_is_the_organisations() -> None:
    text = ("The Fenwick Transit Authority has reviewed the crash.\n\n"
            "“Harsh winter conditions are a reality of this climate,” says a document titled Winter Operations "
            "on Northgate Railway's website.")
    assert speakers_of(text)["Harsh winter conditions"] == "Northgate Railway"


def test_where_an_organisation_is_based_does_not_hide_it() -> None:
    text = ("Northgate Railway carried the grain east. The Railway Safety Act sets the rules for brakes.\n\n"
            "The Calgary-based railway said it also places locomotives along a train in the winter.")
    assert speakers_of(text)["it also places"] == "Northgate Railway"


def test_a_name_ending_in_a_place_is_an_institution_not_a_person() -> None:
    text = ("Statistics Canada figures show 600,000 visitors came last year.\n\n"
            "“Our position is consistent and long-standing,” Foreign Minister Amira Haddad said.\n\n"
            "Canada has asked the ambassador for clemency, she said.")
    assert "Statistics Canada" not in [p.name for p in People(text).people]
    assert speakers_of(text)["Canada has asked"] == "Amira Haddad"


def test_a_title_with_its_rank_joined_on_is_no_part_of_the_name() -> None:
    text = ("Chinese Vice-President Li Weiming took aim at the U.S. on Wednesday.\n\n"
            "Li said that “shifting blame onto others will not resolve the problems.”")
    assert "Li Weiming" in [p.name for p in People(text).people]
    assert speakers_of(text)["shifting blame onto"] == "Li Weiming"


def test_a_speaker_with_two_asides_before_the_cue_is_the_name_before_them() -> None:
    text = ("Pavel Roy, a 1990 graduate and a commissioner in Dunmore County, where the school is, said the photo "
            "“totally misrepresents the culture” at the school.\n\n"
            "Nadia Farrow, Minister of Innovation, Science and Industry, said the talks were on a “broader scale.”")
    speakers = speakers_of(text)
    assert speakers["totally misrepresents the"] == "Pavel Roy"
    assert speakers["broader scale."] == "Nadia Farrow"


def test_a_name_between_its_role_and_its_employer_is_the_speaker() -> None:
    text = ("Atmospheric physics professor Kent Marlow at the University of Halden says the striking weather patterns "
            "show how the world's climate system is intimately coupled.")
    assert speakers_of(text)["the striking weather"] == "Kent Marlow"


def test_a_body_opening_the_sentence_says_what_its_participle_reports() -> None:
    text = ("The Roman Catholic Diocese of Halden apologised on Saturday.\n\n"
            "The diocese issued a second statement on Tuesday, saying a “third-party investigation” will look "
            "into the matter.")
    assert speakers_of(text)["third-party investigation"] == "Roman Catholic Diocese of Halden"


def test_a_name_that_is_the_subject_after_said_is_no_person() -> None:
    text = ("Ana Ruiz, who graduated in 2013, said Dunmore Catholic has “a culture of entitlement.” "
            "Students at Dunmore Catholic were on the video.")
    assert "Dunmore Catholic" not in [p.name for p in People(text).people]


def test_a_pronoun_cue_is_never_the_person_its_clause_names() -> None:
    text = ("“It’s the old minds and hearts thing,” said Sen. Ross Whitlock. Hale, he said, “knows the minds and "
            "hearts of his colleagues.”\n\n"
            "Tomas Eriksen, chief executive of a bank in the complex, said he was unable to find several staff. "
            "“It is very hard for the families,” he said. Jonas Varga, a marketing manager, said he grabbed an "
            "extinguisher. “Then we saw two of the attackers,” he told Reuters. “They were firing at the doors.” "
            "“One fired at our office doors,” he said. “Then he moved on.”\n\n"
            "Varga and some colleagues hid under desks, he said, but one person ran to the roof.")
    speakers = speakers_of(text)
    assert speakers["knows the minds"] == "Ross Whitlock"
    assert speakers["Varga and some"] == "Tomas Eriksen"


def test_an_abbreviated_office_or_a_ministry_in_apposition_makes_a_person() -> None:
    text = ("“The minister was under no pressure,” Lametti said.\n\n"
            "Liberal MP Marco Renzetti — a former prosecutor — went on CBC later in the day to rebut the claim.\n\n"
            "“Neither directed, nor pressured, nor influenced,” he said.\n\n"
            "Navdeep Singh, Minister of Innovation, Science and Industry, said in an interview that the talks were "
            "on a “broader scale.”")
    names = [p.name for p in People(text).people]
    assert "Marco Renzetti" in names and "Navdeep Singh" in names
    assert speakers_of(text)["Neither directed, nor"] == "Marco Renzetti"


def test_a_party_member_described_by_home_state_is_the_person_the_text_is_about() -> None:
    text = ("Senate Majority Leader Mitch Harlan blamed “far-left activists” for the attacks on the students.\n\n"
            "“Activists isolated a few seconds of video footage from any context,” the Kentucky Republican said.")
    assert speakers_of(text)["Activists isolated a"] == "Mitch Harlan"


def test_a_sentence_opener_is_never_a_speaker() -> None:
    text = ("On Thursday, President Dana Morrow did not dismiss a meeting. But he shook his head and said no when "
            "reporters asked if the meeting would take place before March 2.")
    assert "But" not in speakers_of(text).values()
    assert "Last November" not in [p.name for p in People("Last November Mary Holt said the plan failed.").people]


def test_an_appositive_with_an_abbreviation_still_shows_a_person() -> None:
    text = ("Yoni Fried, medical director of Ottawa’s Bariatric Medical Institute, said the guide was good. "
            "Jonas Maddox, pediatrician and researcher at St. Michael’s Hospital in Toronto, said it may help. "
            "Many may contain added sugar, and it is up to the consumer to figure it out, he said.")
    names = [p.name for p in People(text).people]
    assert "Jonas Maddox" in names and "Bariatric Medical" not in names
    assert speakers_of(text)["Many may contain"] == "Jonas Maddox"


def test_he_cueing_a_quote_after_a_newly_introduced_subject_is_that_subject() -> None:
    text = ("“The prime minister did not pressure anyone,” Lametti said. Lametti repeated it in the House. "
            "“Nobody was pressured,” Lametti said.\n\n"
            "Liberal MP Marco Renzetti went on CBC later in the day to rebut the claim.\n\n"
            "“Neither directed, nor pressured, nor influenced,” he said.")
    assert speakers_of(text)["Neither directed, nor"] == "Marco Renzetti"


def test_a_passive_cue_verb_is_no_cue_and_a_said_clause_holds_its_partial_quote() -> None:
    text = ("Adam Fenn, who played for the other team, said he heard no remarks. He said his teammate was being "
            "yelled at “simply because he was a player on the opposing team.”\n\n"
            "Joe Brandt, a county commissioner, said the photo “totally misrepresents the culture” at the school.")
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    clauses = [c.quote for c in claims if not c.direct]
    assert any(q.startswith("his teammate was being yelled at") for q in clauses)
    assert any(q.startswith("the photo") for q in clauses)


def test_a_cue_inside_a_subordinate_clause_is_not_the_quotes_cue() -> None:
    text = ("Foreign Minister Amira Haddad said even though Canada believes the death penalty is wrong, “travellers "
            "need to be aware that it exists.”")
    assert speakers_of(text)["travellers need to"] == "Amira Haddad"


def test_a_participle_after_a_titled_name_is_that_persons() -> None:
    text = ("OTTAWA — Foreign Affairs Minister Amira Haddad says Canada has asked China to spare the life of a "
            "British Columbia man, calling capital punishment “inhumane and inappropriate.”")
    assert next(s for q, s in speakers_of(text).items() if q.startswith("inhumane")) == "Amira Haddad"


def test_a_pronoun_cue_after_a_partial_quote_is_not_the_person_its_clause_names() -> None:
    text = ("Other porters, like Stan Grissom in Toronto, decided to organize, Foster writes. Porters like Grissom "
            "recognized that they had to fight “both pillars of the social system,” he writes.")
    assert speakers_of(text)["both pillars of"] != "Stan Grissom"


def test_a_statement_released_by_a_named_office_is_the_offices() -> None:
    text = ("Trudeau and Prime Minister Jacinda Marr discussed “the detention of Canadian citizens in China,” said a "
            "statement released by the Prime Minister's Office.")
    assert speakers_of(text)["the detention of"] == "Prime Minister's Office"


def test_what_someone_heard_others_shout_is_theirs() -> None:
    text = ("Nathan Pell said he was trying to keep the peace.\n\n"
            "But Pell said he heard students shout, “Build that wall!” and “Go back home!”")
    speakers = speakers_of(text)
    assert speakers["Build that wall!"] == "students"


def test_an_unnamed_speaker_referred_back_to_is_as_introduced() -> None:
    text = ("“It is still up to the minister to decide,” a justice official said at the briefing.\n\n"
            "The vast majority of requests are successful.\n\n"
            "“Most of those go through,” the official said.")
    assert speakers_of(text)["Most of those"] == "a justice official"


def test_a_name_with_its_particle_and_an_unnamed_source_with_its_group() -> None:
    text = ("In its two-page statement claiming responsibility, al-Shabaab said: “This operation was a response to "
            "the remarks.”\n\n"
            "What are the chances of that? As one veteran of the government infrastructure projects commented: "
            "“I’ve never seen one come in ahead of schedule.”")
    speakers = speakers_of(text)
    assert speakers["This operation was"] == "al-Shabaab"
    assert speakers["I’ve never seen"] == "one veteran of the government infrastructure projects"


def test_a_said_clause_with_a_named_subject_holds_its_partial_quotes() -> None:
    text = ("Sen. Debbie Stahl, a member of the leadership team, said Shuman has “an uncanny way to be able to "
            "listen” to the various views.\n\n"
            "Spokeswoman Hua Lin shot back on Tuesday, saying Trudeau should “respect the rule of law.”")
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    clauses = [c.quote for c in claims if not c.direct]
    assert any(q.startswith("Shuman has") for q in clauses)
    assert any(q.startswith("Trudeau should") for q in clauses)


def test_courtesy_title_post_nominals_and_occupation_are_no_part_of_the_name() -> None:
    """British and Australian copy calls a person "Mr Ballinger" or "Cr Duong" after introducing them in full: the
    same person, not a new one; "Ruth Abernathy KC" is Ruth Abernathy, "Meteorologist Hector Villanueva" is Hector."""
    text = ("Former deputy mayor Trent Ballinger denied writing the flyers. “I had nothing to do with it,” Mr Ballinger said.\n\n"
            "Councillor Kylie Duong said the flyers were a lie. “It’s a flat-out lie,” Cr Duong said.\n\n"
            "Ruth Abernathy KC, prosecuting, told the jury the knife was his. Meteorologist Hector Villanueva said the heat "
            "would break on Sunday.\n\n“We have always disagreed politely,” Mr Ballinger said.")
    names = [p.name for p in People(text).people]
    assert {"Trent Ballinger", "Kylie Duong", "Hector Villanueva"} <= set(names)
    assert not any(name.startswith(("Mr ", "Cr ", "Meteorologist")) or name.endswith(" KC") for name in names)
    speakers = speakers_of(text)
    assert speakers["I had nothing"] == speakers["We have always"] == "Trent Ballinger"
    assert speakers["It’s a flat-out"] == "Kylie Duong"


def test_courtesy_title_says_which_of_two_people_of_one_family_name() -> None:
    text = ("Declan Poole, 52, was stabbed outside his fish shop in March. His wife, Jade Poole, sat in the public gallery "
            "throughout the trial.\n\nIn a statement read outside court, Mrs Poole said her husband had been “the kindest "
            "man in the town”.\n\nFormer deputy mayor Kylie Duong said about 3,000 flyers had been left in letterboxes.")
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    assert {c.speaker for c in claims if "kindest" in c.quote} == {"Jade Poole"}
    assert {c.speaker for c in claims if "flyers" in c.quote} == {"Kylie Duong"}


def test_a_pronoun_cue_is_never_the_person_its_own_quote_talks_about() -> None:
    """ "“Maeve knows … What more does she want?” she said": the one the quote names is talked about, not speaking."""
    text = ("Orla Breathnach has led the Harbour Porters Union for six years. Her members walk out on Monday.\n\n"
            "“Nobody here wanted this,” she said. “We know what a strike means.”\n\n"
            "The company disagrees. In a statement, it said its offer was fair. It said the union had rejected a pay rise. "
            "\n\n"
            "The port’s operations director, Maeve Tolan, told local radio the company had tried hard. "
            "“We have made a fair offer,” Ms Tolan said.\n\n"
            "Asked about that, the union leader laughed. “Maeve knows well that our members voted for action. "
            "What more does she want?” she said. “My phone is on.”")
    speakers = speakers_of(text)
    assert speakers["We have made"] == "Maeve Tolan"
    assert speakers["Maeve knows well"] == "Orla Breathnach"
    assert speakers["My phone is"] == "Orla Breathnach"


def test_a_name_ending_in_a_companys_trade_is_the_company_not_a_person() -> None:
    """ "Calder Pharmaceuticals", "Ravensby Foodstores, the discount grocer": a company, though described and speaking;
    "Tallis" later is short for "Tallis Property Group"."""
    text = ("Calder Pharmaceuticals said Wednesday it was recalling its tablets. Calder said in a statement it had traced the "
            "fault to one machine. The company said it had replaced the machine.\n\n"
            "Ravensby Foodstores, the discount grocer with 300 shops, reported a rise in profits.\n\n"
            "Tenants marched to the offices of Tallis Property Group, which bought the towers last year. A tenant said a "
            "Tallis manager had promised them flats. The company said no such promise had been made.")
    names = [p.name for p in People(text).people]
    assert "Calder Pharmaceuticals" not in names and "Ravensby Foodstores" not in names
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    assert {c.speaker for c in claims if "replaced" in c.quote} == {"Calder Pharmaceuticals"}
    assert {c.speaker for c in claims if "no such promise" in c.quote} == {"Tallis Property Group"}


def test_the_district_and_the_group_are_the_organisation_the_article_introduced() -> None:
    """ "The district" is the school district named just before; "the group" in a business story is the company the
    lede introduced, though the paragraphs since named only its people; "the renters' group" is the one of renters."""
    text = ("The Marlow School District canceled summer classes on Monday. The district said classrooms had reached 90 degrees.\n\n"
            "Ravensby Foodstores, the discount grocer with 300 shops, reported a rise in profits. Shares rose 4 per cent.\n\n"
            "Helen Carrow, chief executive, said families had stayed. Ms Carrow said the figures were strong. She said the "
            "chain would open 20 shops. She said it would hire 900 people. She thanked the staff.\n\n"
            "But the group warned that higher wages would add £90m to its costs.\n\n"
            "About 500 people marched to the offices of Tallis Property Group. The march was organised by the Eastgate Renters "
            "Group. The crowd sang. Police watched. The rain held off. Tallis said it had offered tenants $5,000 each. "
            "The renters’ group said $5,000 would not cover two weeks’ rent.")
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    assert {c.speaker for c in claims if "90 degrees" in c.quote} == {"Marlow School District"}
    assert {c.speaker for c in claims if "higher wages" in c.quote} == {"Ravensby Foodstores"}
    assert {c.speaker for c in claims if "two weeks" in c.quote} == {"Eastgate Renters Group"}


def test_the_mayor_is_not_the_deputy_mayor() -> None:
    """A role below another ("deputy mayor") is not the role itself: "the former mayor" is the long-serving mayor."""
    text = ("The by-election was called after long-serving mayor Ned Ashgrove resigned in November. "
            "Former deputy mayor Lena Voss said the flyers were a lie.\n\n"
            "Mr Ashgrove posted a message on Facebook on Sunday night.\n\n"
            "\"We have always disagreed without going into the gutter,\" the former mayor wrote. \"I hope we get back to that.\"")
    speakers = speakers_of(text)
    assert speakers["We have always"] == speakers["I hope we"] == "Ned Ashgrove"


def test_who_answers_a_question_is_not_who_asked_it() -> None:
    """ "“Why not?” Varga asked. “Because …,” he replied": in a hearing's questions and answers the pronoun answering
    is the witness, not the counsel who asked, though the counsel was named last."""
    text = ("Capt. Aldo Brisk, 54, said the radar had been faulty for days and that he had reported it twice.\n\n"
            "Under questioning from commission counsel Dorin Varga, he agreed he had not slowed down.\n\n"
            "\"Why not?\" Varga asked.\n\n"
            "\"Because I believed the tug was clear of us,\" he replied. \"I was wrong about that.\"")
    speakers = speakers_of(text)
    assert speakers["Why not?"] == "Dorin Varga"
    assert speakers["Because I believed"] == speakers["I was wrong"] == "Aldo Brisk"


def test_a_shared_family_name_is_the_one_of_them_just_named_speaking() -> None:
    """ "the deckhand's mother, Joyce Harrow, said …. “…,” Harrow said": the mother just named, not the son the article
    named first."""
    text = ("The tug's deckhand, Colm Farrant, 31, was killed in the collision.\n\n"
            "Outside the hearing room, the deckhand's mother, Nuala Farrant, said her son had texted her about the fog.\n\n"
            "\"That was the last thing I ever got from him,\" Farrant said. \"I want to know why that ship was out there.\"\n\n"
            "She said she would attend every day of the hearings.")
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    assert {c.speaker for c in claims if "last thing" in c.quote or "every day" in c.quote} == {"Nuala Farrant"}


def test_a_courtesy_title_says_which_of_a_family_a_pronoun_after_it_means() -> None:
    """ "Mrs Quill" of Aidan and Hana Quill is the widow, in salience too: "she" after "Mrs Quill said" is Hana Quill,
    not the detective named at the start of that sentence."""
    text = ("Aidan Quill, 52, was stabbed outside his shop. Mr Quill died at the scene.\n\n"
            "Mr Quill’s widow, Hana Quill, sat in the gallery throughout the trial.\n\n"
            "In a statement read outside court by Detective Inspector Tilly Marsh, Mrs Quill said her husband had been "
            "“the kindest man in town”.\n\n"
            "“Aidan got up every morning at five to open the shop,” she said in the statement. “He never came back in.”")
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    assert {c.speaker for c in claims if "kindest" in c.quote} == {"Hana Quill"}
    assert {c.speaker for c in claims if "five to open" in c.quote or "came back" in c.quote} == {"Hana Quill"}


def test_a_description_is_not_a_role_that_merely_shares_its_first_letters() -> None:
    """ "Sen." is the senator, but "the grower" is not "an organizer with a farmworker advocacy group"."""
    text = ("Dara Quinn, an organizer with a farmworker advocacy group, said the rules were not enforced.\n\n"
            "Ned Farrow runs a 200-acre berry farm near Dunmore. He sent his crews home before noon.\n\n"
            "\"Nobody's berries are worth somebody collapsing in a field,\" the grower said.\n\n"
            "Sen. Ada Brill said she would ask questions. \"We need shade rules,\" the senator said.")
    speakers = speakers_of(text)
    assert speakers["Nobody's berries are"] != "Dara Quinn"
    assert speakers["We need shade"] == "Ada Brill"


def test_the_union_is_the_association_when_the_article_names_no_union() -> None:
    """Trade unions often take another name: "the union" is the one association the article named."""
    text = ("Maura Keane has been president of the Delmore Pilots Association for four years. On Friday her members "
            "will walk off the job.\n\nThe dispute centres on rosters. The union says the port wants longer shifts.")
    claims = [c for c in extract_claims(Article(text=text, sha256="t")) if isinstance(c, QuoteClaim)]
    assert {c.speaker for c in claims if "longer shifts" in c.quote} == {"Delmore Pilots Association"}
