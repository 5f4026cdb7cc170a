using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Forged, altered, truncated and foreign continuation tokens, and page sizes out of range, on every keyset-paged list.
/// A real token is taken from each list and then: passed to other lists, relabelled with another list's name, given
/// another type tag, its bytes flipped and its characters replaced at generated positions, truncated, extended; random
/// base64url and random text are generated too. A token that is no longer one the list could have issued must be
/// refused with <c>ContinuationToken</c> / <c>continuation-token-invalid</c>. A token that is still well-formed for the
/// list after the change (a flipped digit of the position, for example) may be accepted as a position, unless the token
/// format changed from today's (then every alteration must be refused, as a signed token would).
/// </summary>
internal static class ContinuationTokenCases
{
    /// <summary>The category.</summary>
    public const string Category = "continuation tokens";

    private static readonly string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Seeds enough records for every list to have a second page, then builds the cases.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The cases.</returns>
    public static async Task<IEnumerable<CorpusCase>> CasesAsync(CorpusWorld w)
    {
        var crm = w.Crm;
        for (var i = 0; i < 3; i++)
        {
            await crm.Customers.CreateAsync(w.PersonDraft() with { Tags = ["vip"] });
            await crm.Interactions.CreateAsync(InteractionDraft.Note(w.A.Id, $"Note {i}"));
            await crm.Deals.CreateAsync(w.DealDraft(w.A.Id));
            await crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(w.A.Id, $"Ticket {i}"));
        }

        (string Name, Func<PageRequest, Task<string?>> Fetch)[] lists =
        [
            ("customers", async p => (await crm.Customers.ListAsync(CustomerFilter.All, p)).ContinuationToken),
            ("customers tagged vip", async p => (await crm.Customers.ListAsync(new CustomerFilter { Tag = "vip" }, p)).ContinuationToken),
            ("timeline of A", async p => (await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(w.A.Id), p)).ContinuationToken),
            ("deals", async p => (await crm.Deals.ListAsync(DealFilter.All, p)).ContinuationToken),
            ("open tickets", async p => (await crm.Tickets.ListAsync(TicketFilter.Open, p)).ContinuationToken),
            ("pipelines", async p => (await crm.Pipelines.ListAsync(PipelineFilter.All, p)).ContinuationToken),
        ];
        var tokens = new string[lists.Length];
        for (var i = 0; i < lists.Length; i++)
        {
            tokens[i] = await lists[i].Fetch(new PageRequest(1)) ?? throw new InvalidOperationException($"The list '{lists[i].Name}' has no second page to take a token from.");
        }

        var formats = tokens.Select(TokenFormat.Parse).ToArray();
        var cases = new List<CorpusCase>();
        for (var i = 0; i < lists.Length; i++)
        {
            var (name, fetch) = lists[i];
            var token = tokens[i];
            var format = formats[i];
            void Add(string label, string? candidate, Expect expect) => cases.Add(new CorpusCase
            {
                Category = Category,
                Name = $"{name} ← {label}",
                Expect = expect,
                Act = CorpusCase.Call(() => fetch(new PageRequest(1, candidate))),
            });
            void Classify(string label, string candidate) =>
                Add(label, candidate, candidate == token ? Expect.AcceptedWithoutWrite() : format is not null && format.Admits(candidate) ? Either() : Refused());

            Add("its own token", token, Expect.AcceptedWithoutWrite());
            foreach (var j in new[] { i + 1, i + 2, i + 4 }.Select(j => j % lists.Length))
            {
                Add($"the token of '{lists[j].Name}'", tokens[j], tokens[j] == token ? Either() : Refused());
            }

            if (format is not null)
            {
                foreach (var tag in "ldgsx".Where(t => t != format.Tag))
                {
                    Add($"its token with type tag '{tag}' instead of '{format.Tag}'", format.With(tag: tag), Refused());
                }

                var other = formats[(i + 1) % lists.Length];
                if (other is not null && other.List != format.List)
                {
                    var relabelled = format.With(list: other.List);
                    Add($"its token relabelled as a token of '{lists[(i + 1) % lists.Length].Name}'", relabelled, Refused());
                    cases.Add(new CorpusCase
                    {
                        Category = Category,
                        Name = $"{lists[(i + 1) % lists.Length].Name} ← the token of '{name}' relabelled with this list's name",
                        Expect = other.Admits(relabelled) ? Either() : Refused(),
                        Act = CorpusCase.Call(() => lists[(i + 1) % lists.Length].Fetch(new PageRequest(1, relabelled))),
                    });
                }
            }

            // Generated alterations of the real token.
            var bytes = Base64Url.DecodeFromChars(token);
            var flips = w.Sample(
                from position in Gen.Choose(0, bytes.Length - 1)
                from mask in Gen.Choose(1, 255)
                select (position, mask),
                5,
                stream: 100 + i);
            foreach (var (position, mask) in flips)
            {
                var flipped = bytes.ToArray();
                flipped[position] ^= (byte)mask;
                Classify(string.Create(CultureInfo.InvariantCulture, $"its token with byte {position} XOR 0x{mask:X2}"), Base64Url.EncodeToString(flipped));
            }

            var edits = w.Sample(
                from position in Gen.Choose(0, token.Length - 1)
                from replacement in Gen.Elements(Alphabet.ToCharArray())
                select (position, replacement),
                3,
                stream: 200 + i);
            foreach (var (position, replacement) in edits)
            {
                var edited = token[..position] + replacement + token[(position + 1)..];
                Classify(string.Create(CultureInfo.InvariantCulture, $"its token with character {position} replaced by '{replacement}'"), edited);
            }

            foreach (var cut in new[] { 1, 2, 3 })
            {
                Classify(string.Create(CultureInfo.InvariantCulture, $"its token without its last {cut} character(s)"), token[..^cut]);
            }

            Classify("the first 8 characters of its token", token[..8]);
            Classify("the first half of its token", token[..(token.Length / 2)]);
            Classify("its token and '='", token + "=");
            Classify("its token and 'A'", token + "A");
            Classify("its token in upper case", token.ToUpperInvariant());

            foreach (var random in w.Sample(Gen.Choose(0, 96).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)), 3, stream: 300 + i))
            {
                Classify(string.Create(CultureInfo.InvariantCulture, $"random base64url of {random.Length} bytes"), Base64Url.EncodeToString(random));
            }

            foreach (var random in w.Sample(Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c), n)).Select(c => new string(c)), 2, stream: 400 + i))
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"random text of {random.Length} UTF-16 units"), random, Refused());
            }

            Add("an empty string", string.Empty, Refused());
            Add("white space", "   ", Refused());
            Add("a NUL", "\0", Refused());
            Add("its token and a lone surrogate", token + "\uD800", Refused() | Expect.Invalid("ContinuationToken", "invalid-unicode"));
            Add("1 MiB of 'A'", new string('A', HostileText.OneMebibyte), Refused());

            foreach (var size in new[] { 0, -1, PageRequest.MaxPageSize + 1, int.MaxValue, int.MinValue })
            {
                cases.Add(new CorpusCase
                {
                    Category = Category,
                    Name = string.Create(CultureInfo.InvariantCulture, $"{name} ← page size {size}"),
                    Expect = Expect.Invalid("PageSize", "page-size-range"),
                    Act = CorpusCase.Call(() => fetch(new PageRequest(size, size == 0 ? token : null))),
                });
            }
        }

        return cases;
    }

    private static Expect Refused() => Expect.Invalid("ContinuationToken", "continuation-token-invalid");

    private static Expect Either() => Expect.AcceptedWithoutWrite() | Refused();

    /// <summary>
    /// Today's token format, as far as a caller can see it: base64url of <c>list \n id \n tag value</c>. Used only to tell
    /// an alteration that leaves a well-formed position (which an unsigned token cannot detect) from one that does not.
    /// </summary>
    private sealed record TokenFormat(string List, string Id, char Tag, string Value)
    {
        public static TokenFormat? Parse(string token)
        {
            var parts = Decode(token);
            return parts is [var list, var id, [var tag, .. var value]] && "ldgs".Contains(tag, StringComparison.Ordinal) && Guid.TryParseExact(id, "N", out _)
                ? new TokenFormat(list, id, tag, value)
                : null;
        }

        public string With(string? list = null, char? tag = null) =>
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list ?? List}\n{Id}\n{tag ?? Tag}{Value}"));

        /// <summary>Whether <paramref name="candidate"/> decodes to a position this list could have issued.</summary>
        public bool Admits(string candidate) =>
            Decode(candidate) is [var list, var id, [var tag, .. var value]]
            && list == List
            && tag == Tag
            && Guid.TryParseExact(id, "N", out _)
            && tag switch
            {
                'l' => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
                'd' => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                'g' => Guid.TryParseExact(value, "N", out _),
                _ => true,
            };

        private static string[]? Decode(string token)
        {
            try
            {
                return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n', 3);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
