# __init_subclass__ and __class__ / __name__ introspection on subclasses.
class Plugin:
    plugins = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name='b-plugin'):
    pass


class Gamma(Alpha):
    pass


print(Plugin.plugins, Gamma.plugin_name, Alpha().plugin_name, Gamma.__base__.__name__)
