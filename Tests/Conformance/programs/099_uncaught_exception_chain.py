# A program that ends with an uncaught exception raised `from` another inside asyncio.run: the
# traceback goes to stderr, its last line is the outer exception, exit status 1.
import asyncio

class ConfigError(Exception):
    pass

async def load(key):
    await asyncio.sleep(0)
    return {'present': 1}[key]

async def main():
    print('loading present:', await load('present'))
    try:
        await load('absent')
    except KeyError as e:
        raise ConfigError(f'cannot load {e}') from e

asyncio.run(main())
print('not reached')
