using Bunit;
using FluentValidation;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Components.Shared;

/// <summary>FluentValidator puts a FluentValidation validator's messages where an EditForm shows DataAnnotations' ones.</summary>
public sealed class FluentValidatorTests : BunitTestBase
{
    [Fact]
    public void Submitting_an_invalid_form_shows_each_fields_message_and_does_not_submit()
    {
        var form = Render(new FormModel { Email = "not-an-address" });

        form.Find("form").Submit();

        Assert.Equal(0, form.Instance.Submitted);
        Assert.Equal("Enter a name.", form.Find("#name-messages").TextContent.Trim());
        Assert.Equal("Enter a valid e-mail address.", form.Find("#email-messages").TextContent.Trim());
        Assert.Equal("Enter a city.", form.Find("#city-messages").TextContent.Trim());
        Assert.Equal(3, form.FindAll("#summary li").Count);
    }

    [Fact]
    public void A_valid_form_submits_without_messages()
    {
        var form = Render(new FormModel { Name = "Wang Wei", Email = "wang.wei@example.cn", Address = { City = "包头" }, Tags = ["NdFeB"] });

        form.Find("form").Submit();

        Assert.Equal(1, form.Instance.Submitted);
        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void A_changed_field_is_validated_alone_and_its_message_goes_when_it_is_put_right()
    {
        var form = Render(new FormModel());

        form.Find("#email").Change("nope");

        Assert.Equal("Enter a valid e-mail address.", form.Find("#email-messages").TextContent.Trim());
        Assert.Empty(form.Find("#name-messages").TextContent.Trim());   // not touched yet: no message
        Assert.Empty(form.Find("#city-messages").TextContent.Trim());

        form.Find("#email").Change("wang.wei@example.cn");

        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void A_nested_fields_message_reaches_the_nested_field()
    {
        var form = Render(new FormModel { Name = "Wang Wei", Address = { City = "包头" } });

        form.Find("#city").Change("");

        Assert.Equal("Enter a city.", form.Find("#city-messages").TextContent.Trim());
        form.Find("#city").Change("包头");
        Assert.Empty(form.Find("#city-messages").TextContent.Trim());
    }

    [Fact]
    public void A_list_items_message_goes_to_the_list_and_a_whole_model_rule_to_the_summary()
    {
        var form = Render(new FormModel { Name = "a@b.cn", Email = "a@b.cn", Address = { City = "包头" }, Tags = ["NdFeB", ""] });

        form.Find("form").Submit();

        Assert.Equal("A tag cannot be empty.", form.Find("#tags-messages").TextContent.Trim());
        Assert.Contains("The name cannot be the e-mail address.", form.Find("#summary").TextContent);
    }

    [Fact]
    public void Without_a_validator_parameter_the_registered_one_is_used()
    {
        Context.Services.AddTransient<IValidator<FormModel>, FormModelValidator>();
        var form = Context.Render<FluentValidatorForm>(p => p.Add(f => f.Model, new FormModel()));

        form.Find("form").Submit();

        Assert.Equal("Enter a name.", form.Find("#name-messages").TextContent.Trim());
    }

    [Fact]
    public void With_no_validator_at_all_it_says_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Context.Render<FluentValidatorForm>(p => p.Add(f => f.Model, new FormModel())));

        Assert.Contains("IValidator<FormModel>", error.Message);
    }

    [Fact]
    public void Outside_an_edit_form_it_refuses_to_render()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Context.Render<FluentValidator>(p => p.Add(v => v.Validator, new FormModelValidator())));

        Assert.Contains("EditForm", error.Message);
    }

    [Fact]
    public void A_validator_for_another_model_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Context.Render<FluentValidatorForm>(p => p
            .Add(f => f.Model, new FormModel())
            .Add(f => f.Validator, new InlineValidator<FormAddress>())));

        Assert.Contains("cannot validate a FormModel", error.Message);
    }

    private IRenderedComponent<FluentValidatorForm> Render(FormModel model) =>
        Context.Render<FluentValidatorForm>(p => p.Add(f => f.Model, model).Add(f => f.Validator, new FormModelValidator()));
}

public sealed class FieldPathTests
{
    [Fact]
    public void A_path_names_the_object_that_owns_its_last_property()
    {
        var model = new FormModel { Address = { City = "包头" }, Tags = ["a", "b"] };

        Assert.Equal(new FieldIdentifier(model, "Name"), FieldPath.Resolve(model, "Name"));
        Assert.Equal(new FieldIdentifier(model.Address, "City"), FieldPath.Resolve(model, "Address.City"));
        Assert.Equal(new FieldIdentifier(model, "Tags"), FieldPath.Resolve(model, "Tags[1]"));
        Assert.Equal(new FieldIdentifier(model, string.Empty), FieldPath.Resolve(model, ""));
    }

    [Fact]
    public void A_path_through_a_list_item_names_that_item()
    {
        var items = new Holder { Items = [new FormAddress(), new FormAddress()] };

        Assert.Equal(new FieldIdentifier(items.Items[1], "City"), FieldPath.Resolve(items, "Items[1].City"));
    }

    [Fact]
    public void A_path_the_model_cannot_walk_stays_on_the_model()
    {
        var items = new Holder { Items = [] };

        Assert.Equal(new FieldIdentifier(items, "Items[3].City"), FieldPath.Resolve(items, "Items[3].City"));
        Assert.Equal(new FieldIdentifier(items, "Missing.City"), FieldPath.Resolve(items, "Missing.City"));
    }

    private sealed class Holder
    {
        public List<FormAddress> Items { get; set; } = [];
    }
}
