using FsCheck;
using FsCheck.Fluent;

namespace Crm.Sdk.Tests.Customers;

/// <summary>FsCheck generators of valid inputs for the customer value objects.</summary>
internal static class Generators
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = Letters + "0123456789";

    public static Gen<string> Word(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);

    /// <summary>Addresses like <c>aB3.x+Y@Mail.Example.com</c>, in mixed case.</summary>
    public static Gen<string> Email { get; } =
        from local in Word(Alphanumerics, 1, 20)
        from tag in Gen.Elements(string.Empty, ".x", "+crm", "_1")
        from labels in Gen.ArrayOf(Word(Alphanumerics, 1, 10), 1).SelectMany(first => Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Word(Letters, 2, 8), n)).Select(rest => first.Concat(rest).ToArray()))
        select local + tag + "@" + string.Join('.', labels);

    /// <summary>Digit strings written with the separators people use, with and without international or trunk prefixes.</summary>
    public static Gen<string> Phone { get; } =
        from prefix in Gen.Elements(string.Empty, "+", "00", "0", "+44 ", "(0)")
        from groups in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Word("0123456789", 1, 5), n))
        from separator in Gen.Elements(" ", "-", ".", string.Empty, " - ")
        select prefix + string.Join(separator, groups);

    /// <summary>Tags in mixed case with surrounding spaces.</summary>
    public static Gen<string> Tag { get; } =
        from word in Word(Alphanumerics + "-_ é", 1, 12).Where(w => w.Trim().Length > 0)
        from pad in Gen.Elements(string.Empty, " ", "  ")
        select pad + word + pad;

    /// <summary>For <c>[Property(Arbitrary = ...)]</c>: strings are <see cref="Email"/> addresses.</summary>
    public static class Emails
    {
        public static Arbitrary<string> Addresses() => Email.ToArbitrary();
    }

    /// <summary>For <c>[Property(Arbitrary = ...)]</c>: string arrays are up to 30 <see cref="Tag"/>s.</summary>
    public static class TagLists
    {
        public static Arbitrary<string[]> Tags() => Gen.ListOf(Tag).Select(l => l.Take(30).ToArray()).ToArbitrary();
    }
}
