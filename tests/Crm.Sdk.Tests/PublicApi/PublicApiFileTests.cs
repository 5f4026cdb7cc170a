using System.Text.RegularExpressions;
using Xunit;

namespace Crm.Sdk.Tests.PublicApi;

/// <summary>
/// PublicApiAnalyzers keeps every shipped member in the PublicAPI.*.txt files (the build fails on an undeclared one);
/// these tests keep Crm.Sdk's two surfaces apart: what a host calls, and the provider kit.
/// </summary>
public sealed partial class PublicApiFileTests
{
    private static readonly string CoreDirectory = Path.Combine(RepositoryRoot(), "src", "Crm.Sdk");

    [Fact]
    public void The_host_surface_lists_no_provider_kit_type()
    {
        var host = Entries("PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt");

        Assert.True(host.Count > 500, $"Only {host.Count} host entries were read.");
        Assert.Contains(host, e => e.StartsWith("Crm.Sdk.ICrm.Customers.get", StringComparison.Ordinal));
        Assert.DoesNotContain(host, e => e.Contains("Crm.Sdk.ProviderKit", StringComparison.Ordinal));
    }

    [Fact]
    public void The_provider_kit_lists_only_its_own_types_and_no_domain_type()
    {
        var kit = Entries("PublicAPI.Shipped.ProviderKit.txt", "PublicAPI.Unshipped.ProviderKit.txt");

        Assert.Contains(kit, e => e.StartsWith("Crm.Sdk.ProviderKit.IDocumentStore", StringComparison.Ordinal));
        Assert.All(kit, e => Assert.StartsWith("Crm.Sdk.ProviderKit.", Symbol(e), StringComparison.Ordinal));
        Assert.DoesNotContain(kit, e => DomainName().IsMatch(e));
    }

    [Fact]
    public void Ids_drafts_and_filters_have_one_shape()
    {
        var host = Entries("PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt");

        // One generic id; no per-aggregate id struct.
        Assert.Contains(host, e => e.StartsWith("Crm.Sdk.Id<T>.Id(System.Guid value)", StringComparison.Ordinal));
        Assert.DoesNotContain(host, e => PerAggregateId().IsMatch(e));
        // Drafts and filters are init-only records: no positional constructor.
        Assert.DoesNotContain(host, e => PositionalDraftOrFilter().IsMatch(e));
    }

    private static List<string> Entries(params string[] files) =>
        [.. files.Select(f => Path.Combine(CoreDirectory, f))
            .Where(File.Exists)
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static string Symbol(string entry) => Modifiers().Replace(entry, "");

    // From the test's output folder (under the repository): source paths are mapped to /_/ in CI builds.
    private static string RepositoryRoot()
    {
        var path = AppContext.BaseDirectory;
        var directory = Path.GetDirectoryName(path);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Crm.Sdk.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The repository root (Crm.Sdk.sln) was not found above " + path);
    }

    [GeneratedRegex(@"^((override|abstract|static|virtual|const|readonly|sealed|~)\s+)+")]
    private static partial Regex Modifiers();

    [GeneratedRegex(@"Crm\.Sdk\.(Customers|Interactions|Deals|Pipelines|Tickets)\.|Crm\.Sdk\.Id<")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"\bCrm\.Sdk\.\w+\.(CustomerId|DealId|InteractionId|PipelineId|StageId|TicketId)\.(New|Parse|Value)\b")]
    private static partial Regex PerAggregateId();

    [GeneratedRegex(@"\.(\w+Draft|\w+Filter)\.\1\(\w")]
    private static partial Regex PositionalDraftOrFilter();
}
