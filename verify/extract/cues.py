"""The vocabulary of attribution: the verbs that report speech, and the words of when it was said."""

from __future__ import annotations

import re

from verify.dates import WEEKDAYS

# "…, telling Reuters, “…”", "is labeling Obama’s actions “…”": the speaker is the sentence's subject
PARTICIPLE_CUES = (r"telling|saying|adding|noting|writing|asking|calling|labeling|labelling|describing|declaring|insisting|"
                   r"warning|arguing|stating|explaining|claiming|suggesting|accusing|urging|promising|vowing|"
                   r"acknowledging|conceding|predicting|recalling|complaining|joking|tweeting|boasting|pledging")
PARTICIPLE = re.compile(r"(?:" + PARTICIPLE_CUES + r")$", re.I)
FINITE_CUE = (
    r"(?:said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|wrote|writes|argued|argues|claimed|claims|"
    r"stated|explained|explains|warned|warns|insisted|insists|acknowledged|announced|asked|asks|suggested|"
    r"suggests|promised|promises|called|calls|described|describes|tweeted|tweets|believes|thinks|accused|urged|urges|"
    r"predicted|conceded|admitted|recalled|declared|replied|responded|continued|concluded|reported|reports|echoed|"
    r"underscored|emphasized|emphasised|highlighted|reiterated|remarked|pledged|vowed|observed|pointed out|"
    r"maintained|contended|complained|joked|countered|testified|according to|put it|posted|blasted|slammed|mocked|"
    r"praised|touted|boasted|lamented|quipped|cautioned|confirmed|denied|predicts|recounted|maintain|maintains|"
    r"concludes|continues|acknowledges|announces|recalls|declares|replies|responds|echoes|emphasizes|emphasises|"
    r"reiterates|remarks|observes|points out|contends|complains|jokes|counters|testifies|posts|boasts|laments|"
    r"quips|cautions|confirms|recounts|admits|concedes|vows|pledges|exclaimed|exclaims|shouted|yelled|texted|"
    r"emailed|agreed|agrees|shot back|fired back|hit back|chimed in|weighed in|retorted|snapped|scoffed|fumed|mused|"
    r"opined|gushed|bemoaned|griped|demanded|charged|alleged|asserted|reasoned|interjected|advised|mocks|praises|"
    r"blasts|slams|touts|scoffs|fumes|muses|gushes|demands|charges|alleges|asserts|reasons|advises|disagreed|"
    r"disagrees|accuses|referred to|refers to|dismissed|dismisses|denounced|denounces|labeled|labelled|labels|branded|"
    r"brands|derided|derides|decried|decries|lambasted|characterized|characterizes|hailed|hails|criticized|criticizes|"
    r"attacked|attacks|blamed|blames|knocked|defended|defends|ridiculed|questioned|remembered|remembers|assured|"
    r"assures|reminded|reminds|commented|comments|wondered|wonders"
)
CUE = FINITE_CUE + "|" + PARTICIPLE_CUES + ")"
NEW_CUE = re.compile(r"\b(?:" + CUE + r")\b", re.I)
# cues taking an object before their clause: "told holdouts for the senator that …"
OBJECT_CUE = re.compile(r"(?:told|tell|tells|telling|warned|warns|warning|assured|reminded|informed|urged|promised|asked)$", re.I)

# "said Wednesday night that …", "told CNN, his policy …": when and to whom, before what was said
WEEKDAY = "|".join(day.capitalize() for day in WEEKDAYS)
WHEN = (r"(?:on\s+)?(?:" + WEEKDAY + r")(?:\s+(?:night|morning|afternoon|evening))?"
        r"|yesterday|today|tonight|earlier|later|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)")
SETTING = re.compile(r"\s*(?:(?:" + WHEN + r")\s+)+")
