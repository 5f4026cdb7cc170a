using Crm.Sdk.ProviderKit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Crm.Sdk.Tests.Registration;

public sealed class AddCrmTests
{
    private static readonly Type[] PublicServices =
        [typeof(ICrm), typeof(ICustomerService), typeof(IInteractionService), typeof(IPipelineService), typeof(IDealService), typeof(ITicketService)];

    [Fact]
    public void Resolving_the_crm_without_a_storage_provider_says_to_call_UseSqlite_or_UsePostgreSql()
    {
        var services = new ServiceCollection();
        services.AddCrm();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<CrmConfigurationException>(() => provider.GetRequiredService<ICrm>());

        Assert.Contains("UseSqlite", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UsePostgreSql", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("044")]
    [InlineData("1234")]
    [InlineData("4a")]
    [InlineData("800")]
    [InlineData("UK")]
    [InlineData("GBR")]
    public void Invalid_default_phone_region_is_a_configuration_error_naming_the_option(string code)
    {
        using var provider = Build(o => o.DefaultPhoneRegion = code);

        var ex = Assert.Throws<CrmConfigurationException>(() => provider.GetRequiredService<ICrm>());

        Assert.Contains("DefaultPhoneRegion", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{code}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("44")]
    [InlineData("1")]
    [InlineData("353")]
    [InlineData("+86")]
    [InlineData("GB")]
    [InlineData("cn")]
    [InlineData("")]
    public void Valid_default_phone_region_or_calling_code_is_accepted(string code)
    {
        using var provider = Build(o => o.DefaultPhoneRegion = code);

        Assert.NotNull(provider.GetRequiredService<ICrm>());
    }

    [Fact]
    public void Custom_field_defined_twice_is_a_configuration_error_naming_the_option_and_the_key()
    {
        using var provider = Build(o =>
        {
            o.CustomFields.Add(new CustomFieldDefinition("tier", "Tier", CustomFieldType.Text));
            o.CustomFields.Add(new CustomFieldDefinition("tier", "Tier again", CustomFieldType.Number));
        });

        var ex = Assert.Throws<CrmConfigurationException>(() => provider.GetRequiredService<ICustomerService>());

        Assert.Contains("CustomFields", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'tier'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_configuration_error_is_reported_at_once()
    {
        var services = new ServiceCollection();
        services.AddCrm(o =>
        {
            o.DefaultPhoneRegion = "x";
            o.CustomFields.Add(new CustomFieldDefinition("a", "A", CustomFieldType.Text));
            o.CustomFields.Add(new CustomFieldDefinition("a", "A", CustomFieldType.Text));
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<CrmConfigurationException>(() => provider.GetRequiredService<ICrm>());

        Assert.Contains("UseSqlite", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultPhoneRegion", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CustomFields", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calling_AddCrm_twice_registers_each_service_once_and_applies_both_configurations()
    {
        var services = new ServiceCollection();
        services.AddCrm(o => o.CustomFields.Add(new CustomFieldDefinition("tier", "Tier", CustomFieldType.Text)));
        services.AddCrm(o => o.DefaultPhoneRegion = "44").UseStorage("Inert", _ => new InertDocumentStore());

        foreach (var type in PublicServices.Append(typeof(IClock)).Append(typeof(CrmStore)).Append(typeof(CrmContext)).Append(typeof(IValidateOptions<CrmOptions>)))
        {
            Assert.True(services.Count(d => d.ServiceType == type) == 1, $"{type.Name} is registered {services.Count(d => d.ServiceType == type)} times.");
        }

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<CrmOptions>>().Value;
        Assert.Equal("44", options.DefaultPhoneRegion);
        Assert.Equal("tier", Assert.Single(options.CustomFields).Key);
        Assert.Equal("Inert", options.StorageProviderName);
        var policy = provider.GetRequiredService<CrmContext>().CustomerPolicy;
        Assert.Equal("GB", policy.DefaultPhoneRegion);
        Assert.NotNull(policy.FindCustomField("tier"));
    }

    [Fact]
    public void Services_are_singletons()
    {
        var services = new ServiceCollection();
        services.AddCrm().UseStorage("Inert", _ => new InertDocumentStore());

        Assert.All(PublicServices, type => Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == type).Lifetime));
    }

    [Fact]
    public void Each_part_is_injectable_on_its_own_and_is_the_crms_part()
    {
        using var provider = Build();
        var crm = provider.GetRequiredService<ICrm>();

        Assert.Same(crm.Customers, provider.GetRequiredService<ICustomerService>());
        Assert.Same(crm.Interactions, provider.GetRequiredService<IInteractionService>());
        Assert.Same(crm.Pipelines, provider.GetRequiredService<IPipelineService>());
        Assert.Same(crm.Deals, provider.GetRequiredService<IDealService>());
        Assert.Same(crm.Tickets, provider.GetRequiredService<ITicketService>());
        Assert.Same(crm, provider.GetRequiredService<ICrm>());
    }

    [Fact]
    public void Each_part_resolves_first_without_the_crm()
    {
        foreach (var type in PublicServices)
        {
            using var provider = Build();
            Assert.NotNull(provider.GetRequiredService(type));
        }
    }

    [Fact]
    public void Host_clock_registered_before_AddCrm_is_kept()
    {
        var clock = FakeClock.FromUtc(2025, 1, 1);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddCrm().UseStorage("Inert", _ => new InertDocumentStore());
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(clock, provider.GetRequiredService<CrmContext>().Clock);
        Assert.Same(clock, provider.GetRequiredService<CrmStore>().Clock);
    }

    [Fact]
    public void System_clock_is_registered_when_the_host_has_none()
    {
        using var provider = Build();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void Last_storage_provider_wins()
    {
        var first = new InertDocumentStore();
        var second = new InertDocumentStore();
        var services = new ServiceCollection();
        services.AddCrm().UseStorage("First", _ => first).UseStorage("Second", _ => second);
        using var provider = services.BuildServiceProvider();

        Assert.Same(second, provider.GetRequiredService<CrmStore>().Provider);
        Assert.Equal("Second", provider.GetRequiredService<IOptions<CrmOptions>>().Value.StorageProviderName);
    }

    [Fact]
    public void Provider_factory_returning_no_store_is_a_configuration_error_naming_the_provider()
    {
        var services = new ServiceCollection();
        services.AddCrm().UseStorage("Broken", _ => null!);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<CrmConfigurationException>(() => provider.GetRequiredService<ICrm>());

        Assert.Contains("Broken", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_guards_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => CrmServiceCollectionExtensions.AddCrm(null!));
        var builder = new ServiceCollection().AddCrm();
        Assert.Throws<ArgumentNullException>(() => builder.UseStorage(null!, _ => new InertDocumentStore()));
        Assert.Throws<ArgumentException>(() => builder.UseStorage("", _ => new InertDocumentStore()));
        Assert.Throws<ArgumentException>(() => builder.UseStorage("  ", _ => new InertDocumentStore()));
        Assert.Throws<ArgumentNullException>(() => builder.UseStorage("Inert", null!));
    }

    [Fact]
    public void AddCrm_returns_a_builder_over_the_same_services()
    {
        var services = new ServiceCollection();

        var builder = services.AddCrm();

        Assert.Same(services, builder.Services);
    }

    private static ServiceProvider Build(Action<CrmOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddCrm(configure).UseStorage("Inert", _ => new InertDocumentStore());
        return services.BuildServiceProvider();
    }
}
