using Crm.Sdk.Audit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Tests.Audit;

/// <summary>Options of <c>AddAuditTrail</c> out of range are refused when the trail is added.</summary>
public sealed class AuditTrailOptionsTests
{
    /// <summary>A read-entry delay below zero or above a minute is a configuration error naming the option.</summary>
    /// <param name="milliseconds">The delay.</param>
    [Theory]
    [InlineData(-1)]
    [InlineData(60_001)]
    public void Read_entry_delay_out_of_range_is_refused(int milliseconds)
    {
        var error = Assert.Throws<CrmConfigurationException>(() => new ServiceCollection().AddCrm().AddAuditTrail(o => o.ReadEntryDelay = TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Contains("AuditTrailOptions.ReadEntryDelay", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Zero (each read's entry written before the read returns) and a minute are accepted.</summary>
    /// <param name="milliseconds">The delay.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(60_000)]
    public void Read_entry_delay_in_range_is_accepted(int milliseconds) =>
        Assert.NotNull(new ServiceCollection().AddCrm().AddAuditTrail(o => o.ReadEntryDelay = TimeSpan.FromMilliseconds(milliseconds)));

    /// <summary>A chain-head interval below one is a configuration error naming the option.</summary>
    [Fact]
    public void Chain_head_interval_below_one_is_refused()
    {
        var error = Assert.Throws<CrmConfigurationException>(() => new ServiceCollection().AddCrm().AddAuditTrail(o => o.ChainHeadInterval = 0));

        Assert.Contains("AuditTrailOptions.ChainHeadInterval", error.Message, StringComparison.Ordinal);
    }
}
