// Debian's libxlsxwriter-dev: writes .xlsx workbooks (numbers, formats, data validation, sheet
// protection) so that the return forms open cleanly in Excel and LibreOffice.
#include <xlsxwriter.h>
