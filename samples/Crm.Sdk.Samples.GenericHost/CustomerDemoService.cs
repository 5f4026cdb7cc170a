using System.Globalization;
using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Samples.GenericHost;

/// <summary>
/// What a host's own code does with the CRM: finds (or creates) a customer by the id the host's ERP gave it, records an
/// interaction, prints the customer's 360° summary, and stops the application.
/// </summary>
internal sealed partial class CustomerDemoService(ICrm crm, IHostApplicationLifetime lifetime, ILogger<CustomerDemoService> logger, StorageDescription storage) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Console.WriteLine($"Crm.Sdk on {storage.Text}");
            var customer = await crm.Customers.FindByExternalIdAsync("erp", "GH-1", stoppingToken).ConfigureAwait(false);
            if (customer is null)
            {
                customer = await crm.Customers.CreateAsync(
                    new CustomerDraft
                    {
                        Kind = CustomerKind.Person,
                        GivenName = "Mary",
                        FamilyName = "Jackson",
                        Emails = ["mary.jackson@example.com"],
                        Phones = ["020 7946 0123"],
                        ExternalIds = new Dictionary<string, string> { ["erp"] = "GH-1" },
                    },
                    stoppingToken).ConfigureAwait(false);
                Console.WriteLine($"Created customer {customer.DisplayName} ({customer.Id}).");
            }
            else
            {
                Console.WriteLine($"Found customer {customer.DisplayName} ({customer.Id}) from an earlier run.");
            }

            await crm.Interactions.CreateAsync(
                new InteractionDraft
                {
                    CustomerId = customer.Id,
                    Kind = InteractionKind.Call,
                    Channel = InteractionChannel.Phone,
                    Direction = InteractionDirection.Inbound,
                    Subject = "Asked about the renewal",
                },
                stoppingToken).ConfigureAwait(false);

            var summary = await crm.Customers.GetSummaryAsync(customer.Id, stoppingToken).ConfigureAwait(false);
            Console.WriteLine($"360° of {summary.Customer.DisplayName}: lifecycle {summary.Customer.LifecycleStage}, version {summary.Customer.Version}");
            foreach (var (kind, count) in summary.InteractionCounts.OrderBy(c => c.Key))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-10} {count,5}"));
            }

            Console.WriteLine($"  last contact {summary.LastContactAt?.ToString() ?? "-"}, open deals {summary.OpenDeals}, open tickets {summary.OpenTickets}");
            Console.WriteLine($"Find by email: {(await crm.Customers.FindByEmailAsync("MARY.JACKSON@example.com", stoppingToken).ConfigureAwait(false)).Count} match(es).");
        }
        catch (CrmException ex)
        {
            LogFailed(logger, ex);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The CRM call failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
