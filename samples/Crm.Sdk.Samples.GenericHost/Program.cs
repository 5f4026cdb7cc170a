// Crm.Sdk in a generic host: the provider and its connection string come from configuration (appsettings.json, then
// environment variables such as Crm__Provider and Crm__ConnectionString), so the same binary runs on SQLite or
// PostgreSQL. "dotnet run" records a call for a customer and prints her 360° summary; "dotnet run -- migrate" copies the
// whole CRM from Crm:MigrateFrom into the configured store. The docs (docs/articles/storage-providers.md) quote the
// regions marked <name> ... </name>.
using Crm.Sdk;
using Crm.Sdk.Samples.GenericHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// appsettings.json is read from beside the binary, so the sample runs from any directory ("dotnet run --project ...").
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var migrate = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);
var store = builder.Configuration.GetSection("Crm").Get<CrmStoreSettings>() ?? new CrmStoreSettings();
var source = builder.Configuration.GetSection("Crm:MigrateFrom").Get<CrmStoreSettings>() ?? new CrmStoreSettings();

// A missing or unknown provider stops the host before it starts, naming the setting; the SDK's own checks (AddCrm and
// AddFieldEncryption validate their options on start) stop it at start with their message, caught below.
var problems = store.Problems("Crm").Concat(migrate ? source.Problems("Crm:MigrateFrom") : []).ToList();
if (problems.Count > 0)
{
    return await ReportAsync(problems).ConfigureAwait(false);
}

if (migrate)
{
    builder.Services.AddSingleton(new MigrationSettings(source, store));
    builder.Services.AddHostedService<MigrationService>();
}
else
{
    // <registration>
    var crm = builder.Services
        .AddCrm(options => options.DefaultPhoneRegion = builder.Configuration["Crm:DefaultPhoneRegion"])
        .UseConfiguredProvider(store);
    if (builder.Configuration.GetSection("Crm:Encryption:RootKeys").GetChildren().Any())
    {
        crm.AddFieldEncryption(encryption => builder.Configuration.GetSection("Crm:Encryption").Bind(encryption));
    }
    // </registration>

    builder.Services.AddSingleton(new StorageDescription(CrmStorage.Describe(store)));
    builder.Services.AddHostedService<CustomerDemoService>();
}

try
{
    await builder.Build().RunAsync().ConfigureAwait(false);
    return Environment.ExitCode;
}
catch (Exception ex) when (ConfigurationErrors(ex).Any())
{
    return await ReportAsync(ConfigurationErrors(ex).Distinct()).ConfigureAwait(false);
}

static async Task<int> ReportAsync(IEnumerable<string> problems)
{
    await Console.Error.WriteLineAsync("The CRM is not configured correctly:").ConfigureAwait(false);
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync("  - " + problem).ConfigureAwait(false);
    }

    return 2;
}

// Options failures (ValidateOnStart) and the SDK's configuration errors, however the host wrapped them.
static IEnumerable<string> ConfigurationErrors(Exception ex) => ex switch
{
    AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ConfigurationErrors),
    OptionsValidationException options => options.Failures,
    CrmConfigurationException crm => [crm.Message],
    { InnerException: { } inner } => ConfigurationErrors(inner),
    _ => [],
};
