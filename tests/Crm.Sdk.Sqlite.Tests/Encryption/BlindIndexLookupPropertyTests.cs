using System.Globalization;
using Crm.Sdk.Customers;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// Find by email and find by phone over blind indexes, checked against an in-memory model: for any customers sharing
/// addresses and numbers, written and searched in any case, spacing or dialling format, a lookup returns exactly the
/// customers that have the value, and never one that does not.
/// </summary>
public sealed class BlindIndexLookupPropertyTests
{
    private const int Pool = 4;

    /// <summary>Lookups by email and by phone return exactly the customers with that value.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Find_by_email_and_phone_returns_exactly_the_customers_with_the_value()
    {
        using var database = new TestDatabase();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        {
            var run = 0;
            var variant = Gen.Choose(0, 3);
            var customer =
                from emails in Gen.ArrayOf(Gen.Choose(-1, 3), Pool)
                from phones in Gen.ArrayOf(Gen.Choose(-1, 3), Pool)
                select (Emails: emails, Phones: phones);
            var scenario =
                from count in Gen.Choose(1, 6)
                from customers in Gen.ArrayOf(customer, count)
                from emailQueries in Gen.ArrayOf(variant, Pool)
                from phoneQueries in Gen.ArrayOf(variant, Pool)
                select (Customers: customers, EmailQueries: emailQueries, PhoneQueries: phoneQueries);

            var property = Prop.ForAll(scenario.ToArbitrary(), s =>
                HoldsAsync(host.Crm, ++run, s.Customers, s.EmailQueries, s.PhoneQueries).GetAwaiter().GetResult());

            // The property blocks on the SDK's calls; running it off the test's synchronization context avoids deadlocks.
            await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), property));
        }
    }

    /// <summary>Email <paramref name="k"/> of run <paramref name="run"/>, written four ways (case and surrounding spaces).</summary>
    private static string Email(int run, int k, int variant)
    {
        var email = $"Shared.Person{k}.R{run}@Mail{k}.Example.COM";
        return variant switch
        {
            0 => email,
            1 => email.ToUpperInvariant(),
            2 => email.ToLowerInvariant(),
            _ => "  " + email + " ",
        };
    }

    /// <summary>Phone <paramref name="k"/> of run <paramref name="run"/>, dialled four ways (international, 00, national, dotted).</summary>
    private static string Phone(int run, int k, int variant)
    {
        var local = run.ToString("D3", CultureInfo.InvariantCulture) + k.ToString(CultureInfo.InvariantCulture);
        return variant switch
        {
            0 => $"+44 20 7946 {local}",
            1 => $"0044-20-7946-{local}",
            2 => $"(020) 7946 {local}",
            _ => $" 020.7946.{local} ",
        };
    }

    private static async Task<bool> HoldsAsync(ICrm crm, int run, (int[] Emails, int[] Phones)[] specs, int[] emailQueries, int[] phoneQueries)
    {
        var created = new List<(Customer Customer, HashSet<int> Emails, HashSet<int> Phones)>();
        for (var c = 0; c < specs.Length; c++)
        {
            var (emails, phones) = specs[c];
            var customer = await crm.Customers.CreateAsync(new CustomerDraft
            {
                Kind = CustomerKind.Person,
                GivenName = "Property",
                FamilyName = $"Person R{run} C{c}",
                Emails = [.. Enumerable.Range(0, Pool).Where(k => emails[k] >= 0).Select(k => new ContactDraft { Value = Email(run, k, emails[k]) })],
                Phones = [.. Enumerable.Range(0, Pool).Where(k => phones[k] >= 0).Select(k => new ContactDraft { Value = Phone(run, k, phones[k]) })],
            });
            created.Add((customer, [.. Enumerable.Range(0, Pool).Where(k => emails[k] >= 0)], [.. Enumerable.Range(0, Pool).Where(k => phones[k] >= 0)]));
        }

        for (var k = 0; k < Pool; k++)
        {
            var expectedByEmail = created.Where(c => c.Emails.Contains(k)).Select(c => c.Customer.Id.Value).Order().ToArray();
            var byEmail = (await crm.Customers.FindByEmailAsync(Email(run, k, emailQueries[k]))).Select(c => c.Id.Value).Order().ToArray();
            var expectedByPhone = created.Where(c => c.Phones.Contains(k)).Select(c => c.Customer.Id.Value).Order().ToArray();
            var byPhone = (await crm.Customers.FindByPhoneAsync(Phone(run, k, phoneQueries[k]))).Select(c => c.Id.Value).Order().ToArray();
            if (!expectedByEmail.SequenceEqual(byEmail) || !expectedByPhone.SequenceEqual(byPhone))
            {
                return false;
            }
        }

        return true;
    }
}
