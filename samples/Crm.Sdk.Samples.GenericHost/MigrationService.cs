using System.Globalization;
using Crm.Sdk.ProviderKit.Migration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Samples.GenericHost;

/// <summary>
/// <c>dotnet run -- migrate</c>: copies the whole CRM from <c>Crm:MigrateFrom</c> (for example the SQLite file the host
/// started with) into the configured store (for example PostgreSQL), then stops the application.
/// </summary>
internal sealed partial class MigrationService(MigrationSettings settings, IHostApplicationLifetime lifetime, ILogger<MigrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Console.WriteLine($"Copying the CRM from {CrmStorage.Describe(settings.Source)} to {CrmStorage.Describe(settings.Target)}.");

            // <migrate>
            var source = CrmStorage.Open(settings.Source);
            var target = CrmStorage.Open(settings.Target);
            try
            {
                var result = await CrmStoreMigration.CopyAsync(source, target, new ConsoleProgress(), stoppingToken).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Copied {result.TotalDocuments:N0} documents: ")
                    + string.Join(", ", result.Collections.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}"))));
            }
            finally
            {
                (source as IDisposable)?.Dispose();
                (target as IDisposable)?.Dispose();
            }
            // </migrate>
        }
        catch (CrmException ex)
        {
            LogFailed(logger, ex.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The migration failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    /// <summary>Prints each committed batch as it is reported (synchronously, so lines keep their order).</summary>
    private sealed class ConsoleProgress : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value) => Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  [{value.CollectionNumber}/{value.CollectionCount}] {value.Collection}: {value.Copied:N0} of {value.Expected:N0}"));
    }
}
