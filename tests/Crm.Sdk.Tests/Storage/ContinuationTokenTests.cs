using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace Crm.Sdk.Tests.Storage;

/// <summary>
/// The continuation token format: HMAC-authenticated under a key of the database and bound to the list that issued it;
/// every token it did not issue is the documented validation error, never another exception.
/// </summary>
public sealed class ContinuationTokenTests : IDisposable
{
    private readonly CaseCounts _cases = new();

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(StoreKeyMapping.KeySize);
    private static readonly Guid Id = Guid.Parse("0195946a-5c00-7000-8000-0000000000a1");
    private static readonly string Timeline = ContinuationToken.Scope(
        "timeline:0195946a-5c00-7000-8000-000000000001",
        new DocumentQuery("interactions") { OrderBy = "occurred_at", Descending = true });

    public static TheoryData<object> SortValues => new()
    {
        638_000_000_000_000_000L, long.MinValue, long.MaxValue, 0L,
        99_999_999_999_999.9999m, -0.0001m, 1.50m, 0m, decimal.MaxValue,
        Guid.CreateVersion7(), Guid.Empty,
        "ölfirma", "王小明", "🙂 emoji", string.Empty, "line\nbreak",
    };

    [Theory]
    [MemberData(nameof(SortValues))]
    public void A_token_reads_back_the_position_it_was_issued_for(object sortValue)
    {
        var token = ContinuationToken.Encode(Key, Timeline, new KeysetPosition(sortValue, Id));

        var position = ContinuationToken.Decode(Key, Timeline, token);

        Assert.NotNull(position);
        Assert.Equal(Id, position.Id);
        Assert.Equal(sortValue.GetType(), position.SortValue.GetType());
        Assert.Equal(sortValue, position.SortValue);
        if (sortValue is decimal d)
        {
            Assert.Equal(d.Scale, ((decimal)position.SortValue).Scale);
        }
    }

    public void Dispose() => _cases.Verify();

    /// <summary>Any text an index can hold (no lone surrogates) round-trips; the property checks it saw many such texts.</summary>
    [Property(MaxTest = 200)]
    public bool Any_text_sort_value_without_lone_surrogates_round_trips(NonNull<string> text, Guid id)
    {
        _cases.Require("accepted", 100);
        var value = text.Get;
        if (!_cases.Count(IsWellFormed(value)))
        {
            return true;
        }

        var token = ContinuationToken.Encode(Key, Timeline, new KeysetPosition(value, id));
        var position = ContinuationToken.Decode(Key, Timeline, token);
        return position is not null && position.Id == id && (string)position.SortValue == value;
    }

    [Fact]
    public void A_token_is_compact_and_starts_with_its_version()
    {
        var token = ContinuationToken.Encode(Key, Timeline, new KeysetPosition(638_000_000_000_000_000L, Id));

        // version 1 + mac 16 + id 16 + tag 1 + long 8 = 42 bytes = 56 base64url characters.
        Assert.Equal(56, token.Length);
        Assert.Equal(ContinuationToken.Version, Base64Url.DecodeFromChars(token)[0]);
        Assert.Equal(token, ContinuationToken.Encode(Key, Timeline, new KeysetPosition(638_000_000_000_000_000L, Id)));
    }

    [Fact]
    public void No_token_is_the_first_page()
    {
        Assert.Null(ContinuationToken.Decode(Key, Timeline, null));
    }

    [Fact]
    public void A_token_under_another_key_is_refused()
    {
        var token = ContinuationToken.Encode(Key, Timeline, new KeysetPosition(1L, Id));
        var otherKey = RandomNumberGenerator.GetBytes(StoreKeyMapping.KeySize);

        AssertRefused(() => ContinuationToken.Decode(otherKey, Timeline, token));
    }

    [Fact]
    public void A_token_of_another_list_order_or_direction_is_refused()
    {
        var list = "tickets::True::";
        var queue = new DocumentQuery("tickets") { OrderBy = "queue_key" };
        var token = ContinuationToken.Encode(Key, ContinuationToken.Scope(list, queue), new KeysetPosition(5L, Id));

        AssertRefused(() => ContinuationToken.Decode(Key, ContinuationToken.Scope("tickets:::::", queue), token));
        AssertRefused(() => ContinuationToken.Decode(Key, ContinuationToken.Scope(list, new DocumentQuery("deals") { OrderBy = "queue_key" }), token));
        AssertRefused(() => ContinuationToken.Decode(Key, ContinuationToken.Scope(list, new DocumentQuery("tickets") { OrderBy = "priority" }), token));
        AssertRefused(() => ContinuationToken.Decode(Key, ContinuationToken.Scope(list, new DocumentQuery("tickets")), token));
        AssertRefused(() => ContinuationToken.Decode(Key, ContinuationToken.Scope(list, queue with { Descending = true }), token));
        Assert.Equal(5L, ContinuationToken.Decode(Key, ContinuationToken.Scope(list, queue), token)!.SortValue);
    }

    [Fact]
    public void A_scope_with_lone_surrogates_is_bound_exactly()
    {
        var query = new DocumentQuery("customers") { OrderBy = "name_key" };
        var token = ContinuationToken.Encode(Key, ContinuationToken.Scope("customers:\ud800:", query), new KeysetPosition("a", Id));

        Assert.Equal("a", ContinuationToken.Decode(Key, ContinuationToken.Scope("customers:\ud800:", query), token)!.SortValue);
        AssertRefused(() => ContinuationToken.Decode(Key, ContinuationToken.Scope("customers:\udc00:", query), token));
        AssertRefused(() => ContinuationToken.Decode(Key, ContinuationToken.Scope("customers:\ufffd:", query), token));
    }

    [Theory]
    [MemberData(nameof(SortValues))]
    public void A_token_with_any_bit_flipped_cut_short_or_extended_is_refused(object sortValue)
    {
        var bytes = Base64Url.DecodeFromChars(ContinuationToken.Encode(Key, Timeline, new KeysetPosition(sortValue, Id)));

        for (var i = 0; i < bytes.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var flipped = (byte[])bytes.Clone();
                flipped[i] ^= (byte)(1 << bit);
                AssertRefused(() => ContinuationToken.Decode(Key, Timeline, Base64Url.EncodeToString(flipped)));
            }
        }

        for (var length = 0; length < bytes.Length; length++)
        {
            AssertRefused(() => ContinuationToken.Decode(Key, Timeline, Base64Url.EncodeToString(bytes.AsSpan(0, length))));
        }

        AssertRefused(() => ContinuationToken.Decode(Key, Timeline, Base64Url.EncodeToString([.. bytes, 0])));
    }

    [Fact]
    public void Text_that_is_not_the_canonical_token_is_refused()
    {
        var token = ContinuationToken.Encode(Key, Timeline, new KeysetPosition(1L, Id));
        var padded = Convert.ToBase64String(Base64Url.DecodeFromChars(token)).Replace('+', '-').Replace('/', '_');

        foreach (var bad in new[] { " " + token, token + " ", token + "=", padded + "==", token.ToUpperInvariant(), "not a token", "!!!!", "AA", new string('A', ContinuationToken.MaxLength + 4) })
        {
            if (bad != token)
            {
                AssertRefused(() => ContinuationToken.Decode(Key, Timeline, bad));
            }
        }
    }

    /// <summary>The unsigned text tokens of earlier versions (list, id, tagged value), forged type tags included, are all refused.</summary>
    [Theory]
    [InlineData('l', "638000000000000000")]
    [InlineData('s', "638000000000000000")]
    [InlineData('s', "")]
    [InlineData('d', "1.5")]
    [InlineData('g', "0195946a5c00700080000000000000a1")]
    [InlineData('x', "1")]
    public void Unsigned_tokens_of_earlier_versions_are_refused(char tag, string value)
    {
        var legacy = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"timeline:0195946a-5c00-7000-8000-000000000001\n{Id:N}\n{tag}{value}"));

        AssertRefused(() => ContinuationToken.Decode(Key, Timeline, legacy));
    }

    private static void AssertRefused(Func<KeysetPosition?> decode)
    {
        var ex = Assert.Throws<CrmValidationException>(() => decode());
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("ContinuationToken", "continuation-token-invalid"), (error.Field, error.Rule));
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
