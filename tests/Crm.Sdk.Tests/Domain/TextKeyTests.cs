using System.Globalization;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Domain;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tests.Pipelines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ICU4N.Text;
using Xunit;

namespace Crm.Sdk.Tests.Domain;

/// <summary>
/// The text key (Unicode NFKC_Casefold) against known answers from the Unicode Character Database, the same in ICU
/// mode and in globalization-invariant mode: <c>.ci/run</c> runs this suite in both (see
/// <see cref="The_suite_runs_in_the_globalization_mode_the_run_asked_for"/>).
/// </summary>
public sealed class TextKeyTests
{
    /// <summary>
    /// Known answers. Each expected value is worked out from the Unicode 10.0 data files named in the comment
    /// (UnicodeData.txt decompositions for NFKC, CaseFolding.txt status C and F for the full case folding,
    /// DerivedCoreProperties.txt Default_Ignorable_Code_Point for the removals), not from any implementation.
    /// </summary>
    public static TheoryData<string, string> KnownAnswers => new()
    {
        // Full-width forms: FF26 <wide> 0046, FF4F <wide> 006F; then 0046 folds to 0066 (C).
        { "\uFF26\uFF4F\uFF4F Bar", "foo bar" },
        // e + COMBINING ACUTE ACCENT composes to 00E9 (canonical composition); accents are kept.
        { "Rene\u0301e Blanc", "ren\u00E9e blanc" },
        { "REN\u00C9E", "ren\u00E9e" },
        // Turkish: 0130 folds to 0069 0307 (F; the T mapping to plain i is language-specific and not applied);
        // 0049 folds to 0069 (C); 0131 dotless i has no folding and stays.
        { "\u0130stanbul", "i\u0307stanbul" },
        { "ISPARTA", "isparta" },
        { "\u0131\u015F\u0131k", "\u0131\u015F\u0131k" },
        // German: 00DF folds to 0073 0073 (F), 1E9E capital sharp s too (F).
        { "Stra\u00DFe", "strasse" },
        { "STRA\u1E9EE", "strasse" },
        // Chinese: ideographs have no decomposition and no case; 3000 IDEOGRAPHIC SPACE is <wide> 0020; FF11 <wide> 0031.
        { "\u5F20\u4F1F", "\u5F20\u4F1F" },
        { "\u5F20\u3000\u4F1F\uFF11\uFF12", "\u5F20 \u4F1F12" },
        // Greek: 03A3 folds to 03C3 (C), final sigma 03C2 folds to 03C3 (C); 038A tonos decomposes to 0399 0301, folds to
        // 03B9 0301 and recomposes to 03AF.
        { "\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3", "\u03C3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C3" },
        { "\u03CC\u03C3\u03BF\u03C2", "\u03CC\u03C3\u03BF\u03C3" },
        // Compatibility forms: FB01 <compat> 0066 0069; 2460 <circle> 0031; 212A KELVIN SIGN is 004B, folds to 006B;
        // 212B ANGSTROM SIGN is 00C5, folds to 00E5; 01C5 <compat> 0044 017D folds to 0064 017E.
        { "\uFB01ne", "fine" },
        { "\u2460", "1" },
        { "\u212A", "k" },
        { "\u212B", "\u00E5" },
        { "\u01C5", "d\u017E" },
        // Default ignorables are removed: 00AD SOFT HYPHEN, 200B ZERO WIDTH SPACE.
        { "Ma\u00ADria", "maria" },
        { "A\u200Bb", "ab" },
        // ASCII is lower-cased, nothing else.
        { "Ada Lovelace-King 42 (UK) #1", "ada lovelace-king 42 (uk) #1" },
    };

    /// <summary>The searches the issue names, as a user types them, and whether they find the stored name.</summary>
    public static TheoryData<string, string, bool> Searches => new()
    {
        { "\uFF26\uFF4F\uFF4F Bar", "foo", true },
        { "Foo Bar", "\uFF46\uFF4F\uFF4F", true },
        { "Rene\u0301e Blanc", "Ren\u00E9e", true },
        { "Ren\u00E9e Blanc", "RENE\u0301E", true },
        { "Rene\u0301e Blanc", "renee", false },
        { "Stra\u00DFe GmbH", "strasse", true },
        { "Strasse GmbH", "Stra\u00DFe", true },
        { "\u0130stanbul", "\u0130st", true },
        { "\u0130stanbul", "ist", false },
        { "Isparta", "\u0131", false },
        { "\u5F20\u4F1F", "\u5F20", true },
        { "\u039F\u0394\u039F\u03A3 Travel", "\u03BF\u03B4\u03BF\u03C2", true },
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void Key_is_the_unicode_nfkc_casefold_of_the_text(string text, string expected)
    {
        Assert.Equal(expected, TextKey.Of(text));
        Assert.Equal(expected, CustomerMapping.NameKey("  " + text + " "));
        Assert.Equal(expected, PipelineMapping.NameKey(text));
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public void A_prefix_finds_a_name_when_its_key_starts_the_name_key(string name, string typed, bool found) =>
        Assert.Equal(found, CustomerMapping.NameKey(name).StartsWith(CustomerMapping.NameKey(typed), StringComparison.Ordinal));

    [Fact]
    public void Keys_come_from_the_pinned_unicode_data_not_from_the_host()
    {
        Assert.Equal(10, ICU4N.UChar.UnicodeVersion.Major);
        Assert.Equal(TextKey.UnicodeVersion, $"{ICU4N.UChar.UnicodeVersion.Major}.{ICU4N.UChar.UnicodeVersion.Minor}");
    }

    [Fact]
    public void The_ascii_fast_path_agrees_with_the_library_for_every_ascii_character()
    {
        var library = Normalizer2.NFKCCaseFoldInstance;
        for (var c = (char)0; c < 128; c++)
        {
            var text = "x" + c + "Y";
            Assert.Equal(library.Normalize(text), TextKey.Fold(text));
        }
    }

    [Property(MaxTest = 500)]
    public bool Key_is_idempotent(NonNull<string> text)
    {
        var sample = Sample(text.Get);
        var key = TextKey.Of(sample);
        return TextKey.Of(key) == key && TextKey.Equal(sample, key);
    }

    [Fact]
    public void Codes_are_upper_cased_in_ascii_only()
    {
        Assert.Equal("EUR", TextKey.AsciiUpper("eUr"));
        Assert.Equal("\u017FT", TextKey.AsciiUpper("\u017Ft"));
        Assert.Throws<CrmValidationException>(() => PostalAddress.Create(new PostalAddressDraft { Lines = ["1 Main St"], Country = "\u017Ft" }));
        Assert.Equal("ST", PostalAddress.Create(new PostalAddressDraft { Lines = ["1 Main St"], Country = "st" }).Country);
    }

    [Fact]
    public void Tags_emails_sources_and_stage_names_use_the_key()
    {
        Assert.Equal("vip", CustomerTag.Normalize(" \uFF36\uFF29\uFF30 "));
        Assert.Equal("gr\u00F6sse", CustomerTag.Normalize("Gr\u00F6\u00DFe"));
        Assert.Equal("ren\u00E9e@example.fr", EmailAddress.Parse("Rene\u0301e@Example.FR").Normalized);
        Assert.Equal(EmailAddress.Parse("\uFF21\uFF24\uFF21@example.com"), EmailAddress.Parse("ada@example.com"));
        Assert.Equal("erp", ExternalId.Create("\uFF25\uFF32\uFF30", "1").Source);
        var pipeline = Pipeline.Create(
            new PipelineDraft
            {
                Name = "Sales",
                Stages =
                [
                    new PipelineStageDraft { Name = "Stra\u00DFe", Probability = 0.5m },
                    new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon },
                    new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost },
                ],
            },
            PipelineId.New(Samples.T0),
            Samples.T0);
        Assert.Equal("Stra\u00DFe", pipeline.FindStage("STRASSE")?.Name);
        var error = Assert.Throws<CrmValidationException>(() => pipeline.AddStage(new PipelineStageDraft { Name = "strasse", Probability = 0.4m }));
        Assert.Equal("stage-name-unique", Assert.Single(error.Errors).Rule);
    }

    /// <summary>
    /// CI runs this suite twice: once as the machine is (ICU) with <c>CRM_TEST_GLOBALIZATION=icu</c>, once with
    /// <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c> and <c>CRM_TEST_GLOBALIZATION=invariant</c>. This proves each run is
    /// in the mode it claims (so that the known answers above were checked in both), by what .NET's own globalization
    /// does: in invariant mode it cannot fold a full-width letter. Without the variable (a developer's run) it only
    /// checks that the probe sees one of the two modes.
    /// </summary>
    [Fact]
    public void The_suite_runs_in_the_globalization_mode_the_run_asked_for()
    {
        var actual = "\uFF21".Normalize(NormalizationForm.FormKC) == "A" ? "icu" : "invariant";
        var expected = Environment.GetEnvironmentVariable("CRM_TEST_GLOBALIZATION");
        if (!string.IsNullOrEmpty(expected))
        {
            Assert.Equal(expected, actual);
        }

        Assert.Equal(actual == "invariant", Environment.GetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT") is "1" or "true");
        Assert.Equal(actual == "invariant", CultureInfo.GetCultures(CultureTypes.AllCultures).Length == 1);
    }

    /// <summary>Keeps FsCheck's text valid UTF-16 (no lone surrogates, which every text input of the SDK refuses) and mixes in characters that fold.</summary>
    private static string Sample(string text)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune == Rune.ReplacementChar ? "\uFF21\u00DF\u03C2\u0130\u0301" : rune.ToString());
        }

        return builder.ToString();
    }
}
