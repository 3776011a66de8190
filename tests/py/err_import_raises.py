# A helper module raising during import propagates the exception to the importer.
print('importing helper')
import _helper_raises
print('not reached')
