namespace Crm.Sdk.Duplicates;

/// <summary>
/// A small table of common English given-name diminutives and the name they stand for (Bob → Robert), so that
/// "Bob Smith" and "Robert Smith" compare as the same given name and share blocking keys.
/// </summary>
/// <remarks>
/// Written by hand from common usage (no nickname package is served on NuGet here); about 90 pairs, lower case, folded.
/// A diminutive of several names (Alex: Alexander, Alexandra) maps to the first; the comparison also accepts a
/// diminutive whose own canonical name equals the other's. Chinese names have no entry: their given names are compared
/// character by character.
/// </remarks>
internal static class Nicknames
{
    private static readonly Dictionary<string, string> Canonical = Build(
        "robert: bob bobby rob robbie bert",
        "william: bill billy will willy liam",
        "richard: dick rick ricky rich richie",
        "james: jim jimmy jamie",
        "john: jack johnny jon",
        "jonathan: jon jonny",
        "michael: mike mick mickey mikey",
        "thomas: tom tommy",
        "charles: charlie chuck chas",
        "joseph: joe joey",
        "daniel: dan danny",
        "david: dave davy",
        "edward: ed eddie ted teddy ned",
        "anthony: tony",
        "christopher: chris kit",
        "matthew: matt",
        "andrew: andy drew",
        "nicholas: nick nicky",
        "benjamin: ben benny",
        "samuel: sam sammy",
        "alexander: alex sandy",
        "alexandra: lexi",
        "patrick: pat paddy",
        "peter: pete",
        "stephen: steve stevie",
        "steven: steve",
        "timothy: tim timmy",
        "gregory: greg",
        "jeffrey: jeff",
        "kenneth: ken kenny",
        "lawrence: larry",
        "ronald: ron ronnie",
        "donald: don donnie",
        "gerald: gerry jerry",
        "frederick: fred freddie",
        "henry: harry hank",
        "leonard: len lenny leo",
        "raymond: ray",
        "vincent: vince vinnie",
        "zachary: zach zack",
        "nathaniel: nate nat",
        "phillip: phil",
        "philip: phil",
        "douglas: doug",
        "elizabeth: liz lizzie beth betty betsy eliza",
        "margaret: maggie meg peggy marge",
        "catherine: cathy cat kate katie",
        "katherine: kathy kate katie kat",
        "jennifer: jen jenny",
        "patricia: pat patty trish",
        "susan: sue susie",
        "deborah: deb debbie",
        "rebecca: becky becca",
        "christine: chris chrissy",
        "christina: tina",
        "victoria: vicky tori",
        "jessica: jess jessie",
        "abigail: abby",
        "samantha: sam",
        "kimberly: kim",
        "barbara: barb babs",
        "dorothy: dot dottie",
        "josephine: jo josie",
        "judith: judy",
        "pamela: pam",
        "cynthia: cindy",
        "theresa: terry tess",
        "rosemary: rose rosie",
        "eleanor: ellie nell",
        "helen: nell",
        "amanda: mandy",
        "melissa: missy mel",
        "frances: fran fanny",
        "francis: frank",
        "sarah: sally",
        "mary: molly polly");

    /// <summary>The name a given name stands for (itself when it is not a known diminutive).</summary>
    public static string CanonicalOf(string folded) => Canonical.GetValueOrDefault(folded, folded);

    /// <summary>Whether two different folded given names are the same name by the table.</summary>
    public static bool AreSame(string a, string b) =>
        !string.Equals(a, b, StringComparison.Ordinal) && string.Equals(CanonicalOf(a), CanonicalOf(b), StringComparison.Ordinal);

    private static Dictionary<string, string> Build(params string[] lines)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(':');
            foreach (var nick in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.TryAdd(nick, parts[0]);
            }
        }

        return map;
    }
}
