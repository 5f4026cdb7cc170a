using System.Globalization;
using Crm.Sdk.Customers;
using Crm.Sdk.Duplicates;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Crm.Sdk.Tests.Duplicates;

/// <summary>
/// Precision and recall of duplicate detection at the default threshold, on FEBRL-style synthetic person records
/// (<see cref="FebrlStyleGenerator"/>; the public FEBRL files are not reachable from this build, see its remarks):
/// the same blocking keys and scorer the store uses, every candidate pair from shared keys scored, no per-set tuning.
/// The scorer's weights were set by hand before these runs and not changed after them.
/// </summary>
public sealed class DuplicateQualityTests(ITestOutputHelper output)
{
    private static readonly DuplicateDetectionOptions Options = new() { IdentifierFields = { "soc_sec_id" } };

    private static readonly CustomerPolicy Policy = new(
        [new CustomFieldDefinition("birth_date", "Birth date", CustomFieldType.Date), new CustomFieldDefinition("soc_sec_id", "Social security id", CustomFieldType.Text)],
        "AU");

    /// <summary>Like FEBRL's data sets 1 and 2: half the originals have one to three duplicates, each with one to three corruptions.</summary>
    /// <param name="seed">The generator's seed.</param>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Precision_and_recall_on_febrl_style_records_meet_the_targets(int seed)
    {
        var result = Evaluate(new FebrlStyleGenerator(seed).Generate(originals: 2000, maxDuplicates: 3, maxModifications: 3));
        output.WriteLine(result.ToString());
        Assert.True(result.TruePairs > 1000, "The data set has planted duplicates.");
        Assert.True(result.Precision >= 0.99, result.ToString());
        Assert.True(result.Recall >= 0.95, result.ToString());
    }

    /// <summary>The harder setting (up to five corruptions per duplicate, as in FEBRL's data set 3): reported, checked against a lower floor.</summary>
    [Fact]
    public void Heavily_corrupted_febrl_style_records_are_reported()
    {
        var result = Evaluate(new FebrlStyleGenerator(4).Generate(originals: 2000, maxDuplicates: 3, maxModifications: 5));
        output.WriteLine(result.ToString());
        Assert.True(result.Precision >= 0.99, result.ToString());
        Assert.True(result.Recall >= 0.85, result.ToString());
    }

    internal static QualityResult Evaluate(IReadOnlyList<FebrlRecord> records)
    {
        var now = Instant.FromUtc(2025, 1, 1, 0, 0);
        var profiles = records.Select(r => MatchProfile.Of(Customer.Create(ToDraft(r), CustomerId.New(now), now, Policy), Options)).ToArray();
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Length; i++)
        {
            foreach (var (_, key) in MatchKeys.Of(profiles[i]))
            {
                if (!blocks.TryGetValue(key, out var list))
                {
                    blocks[key] = list = [];
                }

                list.Add(i);
            }
        }

        var candidates = new HashSet<(int, int)>();
        foreach (var list in blocks.Values)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    candidates.Add((list[a], list[b]));
                }
            }
        }

        long truePairs = records.GroupBy(r => r.Entity).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        long found = 0, correct = 0, candidatesTrue = 0;
        foreach (var (a, b) in candidates)
        {
            var same = records[a].Entity == records[b].Entity;
            candidatesTrue += same ? 1 : 0;
            if (MatchScorer.Score(profiles[a], profiles[b]).Score >= DuplicateDetectionOptions.DefaultThreshold)
            {
                found++;
                correct += same ? 1 : 0;
            }
        }

        return new QualityResult(records.Count, truePairs, candidates.Count, candidatesTrue, found, correct);
    }

    private static CustomerDraft ToDraft(FebrlRecord r)
    {
        var lines = new[] { string.Join(' ', new[] { r.StreetNumber, r.Address1 }.OfType<string>()), r.Address2 }.Where(l => !string.IsNullOrEmpty(l)).Select(l => l!).ToArray();
        var fields = new Dictionary<string, CustomFieldValue>(StringComparer.Ordinal);
        if (r.DateOfBirth is { } dob && DateTime.TryParseExact(dob, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fields["birth_date"] = CustomFieldValue.Date(LocalDate.FromDateTime(date));
        }

        if (r.SocSecId is { } id)
        {
            fields["soc_sec_id"] = CustomFieldValue.Text(id);
        }

        return new CustomerDraft
        {
            Kind = CustomerKind.Person,
            GivenName = r.GivenName,
            FamilyName = r.Surname,
            DisplayName = r.GivenName is null && r.Surname is null ? r.RecId : null,
            Addresses = lines.Length == 0 && r.Suburb is null ? [] : [new PostalAddressDraft { Lines = lines, City = r.Suburb, Region = r.State, PostalCode = r.Postcode, Country = "AU" }],
            CustomFields = fields,
        };
    }

    internal sealed record QualityResult(int Records, long TruePairs, long CandidatePairs, long TrueCandidatePairs, long Found, long Correct)
    {
        public double Precision => Found == 0 ? 1 : (double)Correct / Found;

        public double Recall => TruePairs == 0 ? 1 : (double)Correct / TruePairs;

        public double BlockingRecall => TruePairs == 0 ? 1 : (double)TrueCandidatePairs / TruePairs;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"records {Records}, true pairs {TruePairs}, candidate pairs {CandidatePairs} (blocking recall {BlockingRecall:0.0000}), predicted {Found}, precision {Precision:0.0000}, recall {Recall:0.0000}");
    }
}
